import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { demoDatabase, launch, screenshot, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase());
});

after(() => {
  driver?.kill();
});

async function rowTexts(browser) {
  const table = await browser.$('[data-testid="issue-table"]');
  await table.waitForExist({ timeout: 15000 });
  const rows = await browser.$$('[data-testid="issue-row"]');
  const texts = [];
  for (const row of rows) texts.push(await row.getText());
  return texts;
}

test("an issue created in the window is in the list, also after restarting the app", async () => {
  let browser = await launch();
  try {
    const before = await rowTexts(browser);
    assert.equal(before.length, 1, "the demo database holds 2025年第13期");
    assert.match(before[0], /总第七百四十一期/);
    await screenshot(browser, "01-issue-list");

    await (await browser.$('[data-testid="new-issue"]')).click();
    await (await browser.$('[data-testid="new-issue-form"]')).waitForExist({ timeout: 5000 });
    // The form shows the numbers it will use, to keep or change: 总第742期 follows 741.
    const totalField = await browser.$('[data-testid="total"]');
    await browser.waitUntil(async () => (await totalField.getValue()) === "742", {
      timeout: 5000,
      timeoutMsg: "the form does not show the proposed 总期号",
    });
    await screenshot(browser, "02-new-issue-form");
    await (await browser.$('[data-testid="create"]')).click();

    const total = await browser.$('[data-testid="total-label"]');
    await total.waitForExist({ timeout: 10000 });
    assert.equal(await total.getText(), "（总第七百四十二期）", "the running total continues from 741");
    await screenshot(browser, "03-new-issue-masthead");

    await (await browser.$('[data-testid="back"]')).click();
    const after = await rowTexts(browser);
    assert.equal(after.length, 2);
    assert.ok(after.some((text) => text.includes("总第七百四十二期")), after.join("\n"));
  } finally {
    await browser.deleteSession();
  }

  browser = await launch();
  try {
    const reopened = await rowTexts(browser);
    assert.equal(reopened.length, 2, "the new issue was stored, not just shown");
    assert.ok(reopened.some((text) => text.includes("总第七百四十二期")), reopened.join("\n"));
    await screenshot(browser, "04-after-restart");
  } finally {
    await browser.deleteSession();
  }
});

test("opening an issue shows its masthead and article titles", async () => {
  const browser = await launch();
  try {
    await rowTexts(browser);
    const rows = await browser.$$('[data-testid="issue-row"]');
    let target;
    for (const row of rows) if ((await row.getText()).includes("总第七百四十一期")) target = row;
    assert.ok(target, "the demo issue is listed");
    await (await target.$("button")).click();
    const label = await browser.$('[data-testid="issue-label"]');
    await label.waitForExist({ timeout: 10000 });
    assert.equal(await label.getText(), "第13期");
    assert.equal(await (await browser.$('[data-testid="date-label"]')).getText(), "2025年9月2日");
    const articles = await (await browser.$('[data-testid="article-list"]')).getText();
    assert.match(articles, /娄底市人大常委会通过“四动”赋能推动“三会三文”精神落地见效/);
    assert.match(articles, /会同县：“五纳入五保障”将“三会三文”精神转化为惠民实招/);
    await screenshot(browser, "05-issue-detail");
  } finally {
    await browser.deleteSession();
  }
});
