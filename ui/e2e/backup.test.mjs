// 设置 → 备份与恢复 in the real app on a real database: 立即备份 adds a row, and 恢复 of the
// backup the app took at start brings back the title changed since, after a confirmation
// that names the backup's time.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { articleTitles, defaultPort as PORT, demoDatabase, launch, openDemoIssue, screenshot, startDriver, waitSaved } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function backupRows(browser) {
  const rows = [];
  for (const row of await browser.$$('[data-testid="backup-row"]')) rows.push(await row.getText());
  return rows;
}

async function openBackups(browser) {
  await (await byTestId(browser, "open-settings")).click();
  await (await byTestId(browser, "backups")).waitForExist({ timeout: 10000 });
  // The backup taken at start is there once the list is read.
  await browser.waitUntil(async () => (await backupRows(browser)).length >= 1, {
    timeout: 10000,
    timeoutMsg: "the backup taken at start is not listed",
  });
}

test("立即备份 adds a row, and 恢复 brings back the title of the earlier backup", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const [original] = await articleTitles(browser);
    await (await browser.$(".article-doc h1.title-line")).click();
    await browser.keys(["End", ..."（备份后改）"]);
    await waitSaved(browser);
    const [changed] = await articleTitles(browser);
    assert.ok(changed !== original && changed.includes("（备份后改）"), `the title changed: ${changed}`);
    await (await byTestId(browser, "back")).click();

    await openBackups(browser);
    const before = await backupRows(browser);
    await (await byTestId(browser, "backup-now")).click();
    await browser.waitUntil(async () => (await backupRows(browser)).length === before.length + 1, {
      timeout: 10000,
      timeoutMsg: "立即备份 did not add a row",
    });
    const rows = await backupRows(browser);
    assert.match(rows[0], /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/, "the time reads the Chinese way");
    assert.match(rows[0], /KB|MB/);
    assert.match(rows[0], /完好/, "each copy is integrity-checked");
    assert.match(await (await byTestId(browser, "backup-status")).getText(), /已备份/);
    await (await byTestId(browser, "backups")).scrollIntoView();
    await screenshot(browser, "backup-01-list");

    // The oldest row is the backup taken at start, before the title changed.
    const restoreButtons = await browser.$$('[data-testid="backup-restore"]');
    const oldestTime = await (await browser.$$('[data-testid="backup-time"]'))[restoreButtons.length - 1].getText();
    await restoreButtons[restoreButtons.length - 1].click();
    const confirm = await byTestId(browser, "restore-confirm");
    await confirm.waitForExist({ timeout: 5000 });
    assert.match(await confirm.getText(), new RegExp(`用${oldestTime} 的备份恢复数据库`), "the question names the backup");
    await screenshot(browser, "backup-02-confirm");
    await (await byTestId(browser, "restore-confirm-yes")).click();

    // The window starts afresh on the restored database.
    await (await byTestId(browser, "issue-table")).waitForExist({ timeout: 15000 });
    await openDemoIssue(browser);
    assert.equal((await articleTitles(browser))[0], original, "the title of the earlier backup is back");
    await (await byTestId(browser, "back")).click();
    await openBackups(browser);
    assert.equal((await backupRows(browser)).length, before.length + 2, "what was there was backed up before the restore");
    await (await byTestId(browser, "backups")).scrollIntoView();
    await screenshot(browser, "backup-03-after-restore");
  } finally {
    await browser.deleteSession();
  }
});
