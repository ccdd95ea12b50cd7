// The editor's local draft after a crash, with two databases on one computer: the web view's
// storage is shared by every database, and article ids repeat across them, so a draft left by
// a crash in one database must come back there and never appear in another's article.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { killApp } from "../../tests/crash-trial/app-process.mjs";
import { bodyText, demoIssue } from "../../tests/crash-trial/database.mjs";
import { caretAtEnd, cli, demoDatabase, freePort, launch, openDemoIssue, screenshot, startDriver, waitSaved } from "./harness.mjs";

const app = resolve(process.env.JIANBAO_APP ?? "../target/debug/jianbao");
const TYPED = "崩溃前未存的字";

// This test's own web-view storage: the drafts it leaves must not reach other tests' apps.
const home = mkdtempSync(join(tmpdir(), "jianbao-drafts-home-"));
const saved = {};
before(() => {
  for (const name of ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"]) {
    saved[name] = process.env[name];
    process.env[name] = join(home, name);
  }
});
after(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(home, { recursive: true, force: true });
});

/** Runs `body` with the app open on `db`, then ends the session (or finds the app killed). */
async function withApp(db, body) {
  const port = await freePort();
  const driver = await startDriver(db, port, await freePort());
  const browser = await launch(port);
  try {
    await openDemoIssue(browser);
    return await body(browser);
  } finally {
    await browser.deleteSession().catch(() => {});
    driver.kill();
  }
}

/** A process holding SQLite's write lock on `db` until it is killed. */
function holdWriteLock(db) {
  const script = "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\ntime.sleep(60)";
  const writer = spawn("python3", ["-c", script, db], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((done, fail) => {
    writer.stdout.once("data", () => done(writer));
    writer.once("exit", (code) => fail(new Error(`the lock holder ended (${code})`)));
  });
}

const draftKeys = (browser) => browser.execute(() => Object.keys(localStorage).filter((key) => key.startsWith("jianbao.draft.")));
const editorText = async (browser) => (await browser.$('[data-testid="editor"]')).getText();

test("a crash's draft comes back in its own database and never in another's article of the same id", async () => {
  const first = demoDatabase();
  const second = demoDatabase();

  await withApp(first, async (browser) => {
    await caretAtEnd(browser);
    // Another writer holds the database, so the save waits (SQLite's busy timeout) while the
    // web view writes the draft to disk, which it does on a timer of its own; then the crash.
    const writer = await holdWriteLock(first);
    try {
      await browser.keys([...TYPED]);
      await browser.waitUntil(async () => (await draftKeys(browser)).length > 0, { timeout: 2000, interval: 20 });
      await new Promise((done) => setTimeout(done, 2000));
      await killApp(app, first);
    } finally {
      writer.kill();
    }
  });
  assert.ok(!bodyText(demoIssue(cli, first).issue.articles[0]).includes(TYPED), "the crash came before the save");

  await withApp(second, async (browser) => {
    await waitSaved(browser);
    assert.ok(!(await editorText(browser)).includes(TYPED), "the other database's article shows its own text");
    assert.equal(await (await browser.$('[data-testid="conflict"]')).isExisting(), false, "and offers no draft to judge");
    const keys = await draftKeys(browser);
    assert.equal(keys.length, 1, `the first database's draft is kept for it: ${keys}`);
    assert.match(keys[0], /^jianbao\.draft\.[0-9a-f]{32}\.article\.\d+$/);
    await screenshot(browser, "drafts-other-database");
  });
  assert.ok(!bodyText(demoIssue(cli, second).issue.articles[0]).includes(TYPED), "nothing was stored in the other database");

  await withApp(first, async (browser) => {
    await browser.waitUntil(async () => (await editorText(browser)).includes(TYPED), {
      timeout: 5000,
      timeoutMsg: "the draft did not come back in its own database",
    });
    await waitSaved(browser);
    assert.deepEqual(await draftKeys(browser), [], "stored, the draft is forgotten");
  });
  assert.ok(bodyText(demoIssue(cli, first).issue.articles[0]).endsWith(TYPED), "and its text is in the database");
});
