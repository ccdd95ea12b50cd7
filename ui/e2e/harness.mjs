// Starts the real desktop app through tauri-driver (WebDriver → WebKitWebDriver → the app)
// on a fresh SQLite file, preloaded with the 2025-13 fixture through the real CLI.
// Run under a display (the Makefile's `e2e` target wraps this in xvfb-run).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const app = resolve(process.env.JIANBAO_APP ?? "../target/debug/jianbao");
export const cli = resolve(process.env.JIANBAO_CLI ?? join(app, "..", "jianbao-cli"));
export const screenshotDir = resolve(process.env.JIANBAO_E2E_OUT ?? "../target/e2e");

/** A new database with the demo publication and the 2025-13 issue. */
export function demoDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "jianbao-e2e-"));
  const db = join(dir, "jianbao.sqlite3");
  execFileSync(cli, ["--db", db, "demo"], { stdio: "ignore" });
  return db;
}

/** Resolves once something listens on `port` of 127.0.0.1 (`what`, named when it never does). */
export function waitForPort(port, deadline, what = "tauri-driver") {
  return new Promise((done, fail) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        done();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) fail(new Error(`${what} did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// Two suites on one machine each need their own pair of ports (tauri-driver, WebKitWebDriver).
export const defaultPort = Number(process.env.JIANBAO_E2E_PORT ?? 4444);

/** A port nobody listens on now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts tauri-driver for one database; the app it launches inherits JIANBAO_DB. `kill()`
 *  stops the driver with every process it started: an app left behind by a crashed WebDriver
 *  connection would keep the test runner's stderr open and the runner would never exit.
 *  WebKitWebDriver listens on `nativePort`, next to the driver's unless told otherwise. */
export async function startDriver(db, port = defaultPort, nativePort = port + 1) {
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, JIANBAO_DB: db },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForPort(port, Date.now() + 15000);
  return {
    kill() {
      try {
        process.kill(-driver.pid, "SIGTERM");
      } catch {
        // The group is gone already.
      }
    },
  };
}

/** Opens the app window (a new app process per session). */
export async function launch(port = defaultPort) {
  return remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    capabilities: {
      "tauri:options": { application: app },
      "wdio:enforceWebDriverClassic": true,
    },
  });
}

export async function screenshot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  // WebKitGTK snapshots the last painted frame: let two frames pass so the shot shows the DOM
  // the test just checked.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await browser.saveScreenshot(join(screenshotDir, `${name}.png`));
}

/** Opens 2025年第13期（总第七百四十一期） of the demo database from the issue list. */
export async function openDemoIssue(browser) {
  const table = await browser.$('[data-testid="issue-table"]');
  await table.waitForExist({ timeout: 15000 });
  for (const row of await browser.$$('[data-testid="issue-row"]')) {
    if ((await row.getText()).includes("总第七百四十一期")) await (await row.$("button")).click();
  }
  await (await browser.$('[data-testid="editor"]')).waitForExist({ timeout: 10000 });
}

/** The titles in the workspace's article list, in order. */
export async function articleTitles(browser) {
  const titles = [];
  for (const title of await browser.$$('[data-testid="article-title"]')) titles.push(await title.getText());
  return titles;
}

/** Selects characters [start, end) of the first body paragraph's text, as a mouse would;
 *  -1 is the end of the paragraph, -2 just before its last character. */
export async function selectInFirstParagraph(browser, start, end) {
  await browser.execute(
    (from, to) => {
      const paragraph = document.querySelector('[data-testid="editor"] > p:not([class])');
      const texts = [];
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) texts.push(walker.currentNode);
      const length = texts.reduce((sum, text) => sum + text.length, 0);
      const point = (offset) => {
        let rest = offset < 0 ? length + offset + 1 : offset;
        for (const text of texts) {
          if (rest <= text.length) return [text, rest];
          rest -= text.length;
        }
        const last = texts[texts.length - 1];
        return [last, last.length];
      };
      paragraph.closest("[contenteditable]").focus();
      const range = document.createRange();
      range.setStart(...point(from));
      range.setEnd(...point(to));
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    },
    start,
    end,
  );
}

/** Types `value` into a field the way a user's edit reaches Svelte: value, then input and change. */
export async function fill(browser, testid, value) {
  const field = await browser.$(`[data-testid="${testid}"]`);
  await field.waitForExist({ timeout: 10000 });
  await browser.execute(
    (element, value) => {
      element.value = value;
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    },
    field,
    value,
  );
}

/** Waits until the editor reports 已保存 (its save state), after the last change reached it. */
export async function waitSaved(browser) {
  const state = await browser.$('[data-testid="save-state"]');
  // The last change may still be on its way into the editor: let it mark the state unsaved.
  await browser
    .waitUntil(async () => (await state.getAttribute("data-state")) !== "saved", { timeout: 300, interval: 20 })
    .catch(() => {});
  await browser.waitUntil(async () => (await state.getAttribute("data-state")) === "saved", {
    timeout: 5000,
    interval: 50,
    timeoutMsg: "the editor did not report 已保存 within 5 s",
  });
}

/** After 送签发 or 签发 the round bar first counts what still waits (proof findings, open
 *  comments, pending suggestions) and, if anything does, asks before going on: this goes on
 *  (仍然送签 / 仍然签发) once it asks, or returns when `done()` holds without asking. */
export async function goOnIfWaiting(browser, done) {
  const waiting = await browser.$('[data-testid="round-waiting"]');
  await browser.waitUntil(async () => (await waiting.isExisting()) || (await done()), {
    timeout: 20000,
    timeoutMsg: "the round bar neither asked about what waits nor went on",
  });
  if (await waiting.isExisting()) await (await browser.$('[data-testid="round-go-on"]')).click();
}

/** Signs the issue off on `date` (YYYY-MM-DD) from the round bar; when the date differs from
 *  the masthead's, answers the question which one prints: the masthead's unless `moveMasthead`. */
export async function signOffOn(browser, date, moveMasthead = false) {
  await (await browser.$('[data-testid="round-sign-off"]')).click();
  const field = await browser.$('[data-testid="sign-off-date"]');
  await goOnIfWaiting(browser, () => field.isExisting());
  await field.waitForExist({ timeout: 5000 });
  await browser.execute((date) => {
    const input = document.querySelector('[data-testid="sign-off-date"]');
    input.value = date;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, date);
  await (await browser.$('[data-testid="round-confirm"]')).click();
  const choice = await browser.$('[data-testid="sign-off-date-choice"]');
  const status = await browser.$('[data-testid="round-status"]');
  const error = await browser.$('[data-testid="round-error"]');
  await browser.waitUntil(
    async () => (await choice.isExisting()) || (await error.isExisting()) || (await status.getText()) === "已签发",
    { timeout: 10000, timeoutMsg: "the sign-off neither asked about the date nor ended" },
  );
  if (await choice.isExisting()) {
    await (await browser.$(`[data-testid="${moveMasthead ? "sign-off-move-masthead" : "sign-off-keep-masthead"}"]`)).click();
  }
}

/** Runs an api command in the window, as the UI does; answers its reply, or `{ error }`. */
export function call(browser, command, request) {
  return browser
    .executeAsync((command, request, done) => {
      window.__TAURI_INTERNALS__.invoke("call", { command, request }).then(
        (answer) => done(JSON.stringify(answer)),
        (error) => done(JSON.stringify({ error })),
      );
    }, command, request)
    .then((text) => JSON.parse(text));
}

/** The element with `data-testid` `id`, once it exists. */
export async function byTestId(browser, id) {
  const element = await browser.$(`[data-testid="${id}"]`);
  await element.waitForExist({ timeout: 15000, timeoutMsg: `${id} did not appear` });
  return element;
}

/** Waits until the element `id`'s text matches `pattern`; `what` says what did not happen. */
export async function waitText(browser, id, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await (await browser.$(`[data-testid="${id}"]`)).getText().catch(() => "")), {
    timeout: 15000,
    timeoutMsg: what,
  });
}

/** Puts the caret at the end of the first article's last body paragraph. */
export async function caretAtEnd(browser) {
  await browser.execute(() => {
    const paragraph = [...document.querySelectorAll('[data-testid="editor"] > p:not([class])')].at(-1);
    paragraph.closest("[contenteditable]").focus();
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
}
