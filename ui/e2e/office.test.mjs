// The office server with browsers: a real `jianbao-server` on a fresh database with the demo
// issue and three accounts, and Chromium (through chromedriver) as the editor, the
// proofreader and, after the proofreader logs out in the same window, the signer.
// The editor's open article is checked out: the proofreader sees who is editing it, reads it
// and comments; the comment and the moves between rounds reach the other window without a
// reload; the proofreader's sign-off is refused by the server in Chinese; the signer signs off.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";
import { screenshotDir, waitForPort } from "./harness.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must name the binary to test (see the Makefile's e2e target)`);
  return resolve(value);
}

const serverBinary = required("JIANBAO_SERVER");
const cli = required("JIANBAO_CLI");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const chromedriver = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";

const EDITOR = { name: "汤建", role: "editor", password: "bianji-2025" };
const PROOFREADER = { name: "刘洋", role: "proofreader", password: "jiaodui-2025" };
const SIGNER = { name: "王明", role: "signer", password: "qianfa-2025" };

/** A port nobody listens on now. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

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

let server;
let driver;
let origin;
let driverPort;
const browsers = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), "jianbao-office-e2e-"));
  const db = join(dir, "office.sqlite3");
  execFileSync(cli, ["--db", db, "demo"], { stdio: "ignore" });
  for (const account of [EDITOR, PROOFREADER, SIGNER]) {
    execFileSync(serverBinary, ["user", "add", account.name, "--role", account.role, "--db", db], {
      input: `${account.password}\n`,
      stdio: ["pipe", "ignore", "inherit"],
    });
  }
  const serverPort = await freePort();
  origin = `http://127.0.0.1:${serverPort}`;
  server = startProcess(serverBinary, ["--db", db, "--listen", `127.0.0.1:${serverPort}`]);
  await waitForPort(serverPort, Date.now() + 20000, "jianbao-server");
  driverPort = await freePort();
  driver = startProcess(chromedriver, [`--port=${driverPort}`]);
  await waitForPort(driverPort, Date.now() + 15000, "chromedriver");
});

after(async () => {
  for (const browser of browsers) await browser.deleteSession().catch(() => {});
  driver?.stop();
  server?.stop();
});

/** A Chromium window with a profile of its own: its own cookies, so its own login. */
async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "jianbao-chromium-"));
  const browser = await remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    capabilities: {
      browserName: "chrome",
      "wdio:enforceWebDriverClassic": true,
      "goog:chromeOptions": {
        binary: chromium,
        args: [
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
        ],
      },
    },
  });
  browsers.push(browser);
  await browser.url(origin);
  return browser;
}

async function shot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await browser.saveScreenshot(join(screenshotDir, `office-${name}.png`));
}

const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function click(browser, id) {
  const element = await byTestId(browser, id);
  await element.waitForClickable({ timeout: 10000 });
  await element.click();
}

async function textOf(browser, id) {
  return (await byTestId(browser, id)).getText().catch(() => "");
}

async function waitForText(browser, id, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await textOf(browser, id)), { timeout: 15000, timeoutMsg: what });
}

async function logIn(browser, account) {
  await (await byTestId(browser, "login")).waitForExist({ timeout: 15000 });
  await (await byTestId(browser, "login-name")).setValue(account.name);
  await (await byTestId(browser, "login-password")).setValue(account.password);
  await click(browser, "login-submit");
  await waitForText(browser, "account-name", new RegExp(account.name), `${account.name} is not shown as logged in`);
}

async function openDemoIssue(browser) {
  await (await byTestId(browser, "issue-table")).waitForExist({ timeout: 15000 });
  for (const row of await browser.$$('[data-testid="issue-row"]')) {
    if ((await row.getText()).includes("总第七百四十一期")) await (await row.$("button")).click();
  }
  await (await byTestId(browser, "editor")).waitForExist({ timeout: 15000 });
}

async function editable(browser) {
  return (await (await byTestId(browser, "editor")).getAttribute("contenteditable")) === "true";
}

/** Selects the first `length` characters of the first body paragraph, as a mouse would. */
async function selectStartOfFirstParagraph(browser, length) {
  await browser.execute((count) => {
    const paragraph = document.querySelector('[data-testid="editor"] > p:not([class])');
    const text = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, count);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, length);
}

/** The status the round bar shows, once it is `expected`. */
async function waitStatus(browser, expected) {
  await waitForText(browser, "round-status", new RegExp(`^${expected}$`), `the round bar did not reach ${expected}`);
}

test("an editor, a proofreader and a signer work on one issue through the office server", async () => {
  const editor = await openBrowser();
  const proofreader = await openBrowser();

  // Nobody is logged in: the page asks for the login, and a wrong password says so without
  // saying whether it was the name or the password.
  await (await byTestId(editor, "login")).waitForExist({ timeout: 15000 });
  await (await byTestId(editor, "login-name")).setValue(EDITOR.name);
  await (await byTestId(editor, "login-password")).setValue("not-the-password");
  await click(editor, "login-submit");
  await waitForText(editor, "error", /不正确/, "a wrong password was not refused");
  assert.doesNotMatch(await textOf(editor, "error"), /用户名不存在|密码错误/);
  await shot(editor, "1-wrong-password");

  await logIn(editor, EDITOR);
  assert.match(await textOf(editor, "account-roles"), /编辑/);
  await openDemoIssue(editor);
  await editor.waitUntil(() => editable(editor), { timeout: 10000, timeoutMsg: "the editor cannot type in the article it opened" });

  // The proofreader opens the same article: it is checked out to the editor.
  await logIn(proofreader, PROOFREADER);
  await openDemoIssue(proofreader);
  await waitForText(proofreader, "editor-held", /汤建 正在编辑/, "the proofreader is not told who is editing");
  assert.equal(await editable(proofreader), false, "someone else's open article must be read-only");
  await waitForText(proofreader, "article-holder", /汤建 正在编辑/, "the article list does not show who is editing");

  // …and comments on it anyway.
  await selectStartOfFirstParagraph(proofreader, 4);
  await click(proofreader, "comment-add");
  await (await byTestId(proofreader, "comment-text")).setValue("这一提法请再核对");
  await click(proofreader, "comment-save");
  await waitForText(proofreader, "comment-body", /这一提法请再核对/, "the proofreader's comment was not stored");
  // Its mark waits until the article is next opened for editing; the comment says so, not "deleted".
  await waitForText(proofreader, "comment-pending", /下次打开编辑时标在原文上/, "the comment does not say its mark is waiting");
  await shot(proofreader, "2-proofreader-reads-and-comments");

  // The comment reaches the editor's window without a reload; the editor answers it by
  // resolving it (an open comment would hold up the sign-off).
  await waitForText(editor, "comment-body", /这一提法请再核对/, "the comment did not reach the editor live");
  await shot(editor, "3-editor-sees-the-comment");
  await click(editor, "comment-resolve");
  // A resolved thread leaves the list of open ones (it stays under 显示已解决).
  await editor.waitUntil(async () => (await editor.$$('[data-testid="comment-thread"]')).length === 0, {
    timeout: 15000,
    timeoutMsg: `the editor could not resolve the comment: ${await textOf(editor, "review-notice")}`,
  });

  // The editor sends the issue through the rounds; the proofreader's window follows.
  for (const next of ["一校", "二校", "三校", "待签发"]) {
    await click(editor, "round-advance");
    await waitStatus(editor, next);
  }
  await waitStatus(proofreader, "待签发");

  // 签发 is the signer's: the proofreader is not offered it, and the server refuses it anyway.
  const signOff = await byTestId(proofreader, "round-sign-off");
  assert.equal(await signOff.isEnabled(), false, "a proofreader must not be offered the sign-off");
  assert.match(await signOff.getAttribute("title"), /签发人/);
  await proofreader.execute(() => {
    document.querySelector('[data-testid="round-sign-off"]').disabled = false;
  });
  await click(proofreader, "round-sign-off");
  await click(proofreader, "round-confirm");
  await waitForText(proofreader, "round-error", /签发/, "the server's refusal was not shown");
  assert.match(await textOf(proofreader, "round-error"), /[\u4e00-\u9fff]/, "the refusal is in Chinese");
  await waitStatus(proofreader, "待签发");
  await shot(proofreader, "4-proofreader-sign-off-refused");

  // The editor closes the article: it is free, and the proofreader's window says so.
  await click(editor, "back");
  await proofreader.waitUntil(async () => (await proofreader.$$('[data-testid="article-holder"]')).length === 0, {
    timeout: 15000,
    timeoutMsg: "the lease was not given up when the editor left the article",
  });

  // The proofreader logs out; the signer logs in at the same computer and signs off.
  await click(proofreader, "log-out");
  const signer = proofreader;
  await logIn(signer, SIGNER);
  await (await byTestId(signer, "round-status")).waitForExist({ timeout: 15000 });
  await waitStatus(signer, "待签发");
  await click(signer, "round-sign-off");
  await signer.execute(() => {
    const input = document.querySelector('[data-testid="sign-off-date"]');
    input.value = "2025-09-03";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await click(signer, "round-confirm");
  await waitStatus(signer, "已签发");
  await shot(signer, "5-signer-signed-off");

  // The editor's issue list follows the sign-off without a reload.
  await editor.waitUntil(
    async () => {
      for (const row of await editor.$$('[data-testid="issue-row"]')) {
        const text = await row.getText();
        if (text.includes("总第七百四十一期")) return text.includes("已签发");
      }
      return false;
    },
    { timeout: 15000, timeoutMsg: "the editor's issue list did not show the sign-off" },
  );
  await shot(editor, "6-editor-list-after-sign-off");
});
