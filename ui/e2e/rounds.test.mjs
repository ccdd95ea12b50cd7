// Proof rounds and sign-off in the real app: the user's name asked once, the issue moved
// through 一校/二校/三校/待签发, signed off, the editor read-only afterwards (also after a
// restart), and 撤销签发 with its reason making it editable again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, goOnIfWaiting, launch, openDemoIssue, screenshot, signOffOn, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function status(browser) {
  const label = await browser.$('[data-testid="round-status"]');
  await label.waitForExist({ timeout: 10000 });
  return label.getText();
}

async function waitStatus(browser, expected) {
  await browser.waitUntil(async () => (await status(browser)) === expected, {
    timeout: 10000,
    timeoutMsg: `the issue did not reach ${expected} (it shows ${await status(browser)})`,
  });
}

async function editable(browser) {
  return (await (await browser.$('[data-testid="editor"]')).getAttribute("contenteditable")) === "true";
}

test("an issue moves through the rounds, is signed off and locked, and a revocation unlocks it", async () => {
  let browser = await launch(PORT);
  try {
    // The name is kept by the web view between runs of the suite: start as a new user.
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await browser.execute(() => localStorage.removeItem("jianbao.userName"));
    await openDemoIssue(browser);
    await (await browser.$('[data-testid="user-name"]')).setValue("汤建");
    await (await browser.$('[data-testid="user-name-ok"]')).click();
    assert.equal(await status(browser), "草稿");

    for (const next of ["一校", "二校", "三校", "待签发"]) {
      await (await browser.$('[data-testid="round-advance"]')).click();
      if (next === "待签发") await goOnIfWaiting(browser, async () => (await status(browser)) === next);
      await waitStatus(browser, next);
    }
    assert.ok(await editable(browser), "the text can still be corrected while it waits for sign-off");
    // The demo issue is of 2025: it is signed off on a day of its own year.
    await signOffOn(browser, "2025-09-03");
    await waitStatus(browser, "已签发");
    await browser.waitUntil(async () => !(await editable(browser)), {
      timeout: 5000,
      timeoutMsg: "the editor stayed editable after the sign-off",
    });
    assert.ok(await (await browser.$('[data-testid="editor-locked"]')).isDisplayed());
    await (await browser.$("button*=流转记录")).click();
    const history = await (await browser.$('[data-testid="round-history"]')).getText();
    assert.match(history, /待签发 → 已签发\u3000汤建\u3000签发日期/, history);
    await screenshot(browser, "40-signed-off");
  } finally {
    await browser.deleteSession();
  }

  // The name is not asked again, and the lock survives a restart.
  browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    assert.equal(await status(browser), "已签发");
    assert.equal(await (await browser.$('[data-testid="user-name"]')).isExisting(), false, "the name is asked once");
    assert.equal(await editable(browser), false, "a signed-off issue opens read-only");

    await (await browser.$('[data-testid="round-revoke"]')).click();
    await (await browser.$('[data-testid="round-confirm"]')).click();
    const refusal = await browser.$('[data-testid="round-error"]');
    await refusal.waitForExist({ timeout: 5000 });
    assert.match(await refusal.getText(), /理由/, "a revocation without a reason is refused in Chinese");

    await (await browser.$('[data-testid="round-reasons"]')).setValue("第二篇标题需改");
    await (await browser.$('[data-testid="round-confirm"]')).click();
    await waitStatus(browser, "待签发");
    await browser.waitUntil(async () => editable(browser), { timeout: 5000, timeoutMsg: "revoking did not unlock the editor" });
    await screenshot(browser, "41-revoked");
  } finally {
    await browser.deleteSession();
  }
});
