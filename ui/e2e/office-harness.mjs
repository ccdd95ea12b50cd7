// What the office end-to-end test stands on: a real `jianbao-server` on a fresh database with
// the demo issue and the office's accounts, headless Chromium windows (through chromedriver)
// for the colleagues who work in a browser, and the server's HTTP API and `jianbao-cli
// --server` for looking at what the server stored.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";
import { freePort, screenshotDir, waitForPort } from "./harness.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must name the binary to test (see the Makefile's e2e target)`);
  return resolve(value);
}

const serverBinary = required("JIANBAO_SERVER");
const cli = required("JIANBAO_CLI");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const chromedriver = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";

/** Starts `command` in its own process group, so that `stop` ends it with all it started. */
function startProcess(command, args) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], detached: true });
  return {
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Gone already.
      }
    },
  };
}

/** A running office server on a new database holding the demo issue and `accounts`
 *  ({ name, role, password }); `origin` is its address. */
export async function startOfficeServer(accounts) {
  const dir = mkdtempSync(join(tmpdir(), "jianbao-office-e2e-"));
  const db = join(dir, "office.sqlite3");
  execFileSync(cli, ["--db", db, "demo"], { stdio: "ignore" });
  for (const account of accounts) {
    execFileSync(serverBinary, ["user", "add", account.name, "--role", account.role, "--db", db], {
      input: `${account.password}\n`,
      stdio: ["pipe", "ignore", "inherit"],
    });
  }
  const port = await freePort();
  const server = startProcess(serverBinary, ["--db", db, "--listen", `127.0.0.1:${port}`]);
  await waitForPort(port, Date.now() + 20000, "jianbao-server");
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** chromedriver on a free port; `open(origin)` gives a Chromium window on the server's page
 *  with a profile of its own (its own cookies, so its own login). */
export async function startChromium() {
  const port = await freePort();
  const driver = startProcess(chromedriver, [`--port=${port}`]);
  await waitForPort(port, Date.now() + 15000, "chromedriver");
  const windows = [];
  return {
    async open(origin) {
      const window = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "warn",
        capabilities: {
          browserName: "chrome",
          "wdio:enforceWebDriverClassic": true,
          "goog:chromeOptions": { binary: chromium, args: chromiumArgs(mkdtempSync(join(tmpdir(), "jianbao-chromium-"))) },
        },
      });
      windows.push(window);
      await window.url(origin);
      return window;
    },
    async stop() {
      for (const window of windows) await window.deleteSession().catch(() => {});
      driver.stop();
    },
  };
}

function chromiumArgs(profile) {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1440,900",
    `--user-data-dir=${profile}`,
  ];
}

/** A Chromium window's screenshot (headless Chromium paints before it answers). */
export async function shot(window, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await window.saveScreenshot(join(screenshotDir, `office-${name}.png`));
}

/** The server's HTTP API as a client of its own sees it: logged in as `account`, each command
 *  a `POST /api/{command}` with the session's token. A refusal throws its status and message. */
export async function apiSession(origin, account) {
  const { token } = await post(origin, "login", { name: account.name, password: account.password });
  return { call: (command, request) => post(origin, command, request, token) };
}

async function post(origin, command, request, token) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const answer = await fetch(`${origin}/api/${command}`, { method: "POST", headers, body: JSON.stringify(request) });
  const body = await answer.json();
  if (!answer.ok) throw new Error(`${command} was refused (HTTP ${answer.status}): ${body.message}`);
  return body;
}

/** `jianbao-cli --server origin --user NAME …args`, the password in JIANBAO_PASSWORD;
 *  answers the exit status and what it printed. */
export function cliOnServer(origin, account, args) {
  const run = spawnSync(cli, ["--server", origin, "--user", account.name, ...args], {
    env: { ...process.env, JIANBAO_PASSWORD: account.password },
    encoding: "utf8",
    timeout: 30000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
