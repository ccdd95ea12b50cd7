// Settings, the editable masthead and the issue list's copy/trash in the real app: values
// typed in the window must be found again after restarting it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, fill, launch, screenshot, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function rowTexts(browser, testid = "issue-row") {
  const texts = [];
  for (const row of await browser.$$(`[data-testid="${testid}"]`)) texts.push(await row.getText());
  return texts;
}

async function waitForList(browser) {
  await (await byTestId(browser, "issue-table")).waitForExist({ timeout: 15000 });
}

async function openIssue(browser, totalLabel) {
  await waitForList(browser);
  let target;
  for (const row of await browser.$$('[data-testid="issue-row"]')) {
    if ((await row.getText()).includes(totalLabel)) target = row;
  }
  assert.ok(target, `an issue ${totalLabel} is listed`);
  // The list goes away once the issue opens, so the click comes after the search.
  await (await target.$("button")).click();
  await (await byTestId(browser, "masthead-number")).waitForExist({ timeout: 10000 });
}

async function waitMastheadSaved(browser) {
  const state = await byTestId(browser, "masthead-state");
  await browser.waitUntil(async () => (await state.getAttribute("data-state")) === "saved", {
    timeout: 5000,
    interval: 50,
    timeoutMsg: "the masthead did not report 已保存 within 5 s",
  });
}

test("masthead numbers and date are saved as typed, with a warning on a duplicate number", async () => {
  let browser = await launch();
  try {
    await waitForList(browser);
    await (await byTestId(browser, "new-issue")).click();
    await (await byTestId(browser, "create")).click();
    await (await byTestId(browser, "masthead-number")).waitForExist({ timeout: 10000 });

    await fill(browser, "masthead-date", "2025-09-16");
    await fill(browser, "masthead-number", "13");
    await fill(browser, "masthead-total", "742");
    const warning = await byTestId(browser, "masthead-warning");
    await warning.waitForExist({ timeout: 5000, timeoutMsg: "a second 2025年第13期 must be flagged" });
    assert.match(await warning.getText(), /2025年第13期重复/);
    await screenshot(browser, "settings-01-masthead-duplicate");

    await fill(browser, "masthead-number", "14");
    await warning.waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "第14期 is no duplicate" });
    await waitMastheadSaved(browser);
    assert.equal(await (await byTestId(browser, "issue-label")).getText(), "第14期");
    await screenshot(browser, "settings-02-masthead-saved");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch();
  try {
    await openIssue(browser, "总第七百四十二期");
    assert.equal(await (await byTestId(browser, "masthead-number")).getValue(), "14");
    // Shown the Chinese way, whatever the system locale (it was typed as 2025-09-16).
    assert.equal(await (await byTestId(browser, "masthead-date")).getValue(), "2025年9月16日");
    assert.equal(await (await byTestId(browser, "date-label")).getText(), "2025年9月16日");
  } finally {
    await browser.deleteSession();
  }
});

test("a bad e-mail is refused beside its field; the corrected one survives a restart", async () => {
  let browser = await launch();
  try {
    await waitForList(browser);
    await (await byTestId(browser, "open-settings")).click();
    await fill(browser, "setting-email", "hnrdlgwxrc163.com");
    await (await byTestId(browser, "save-settings")).click();
    const message = await byTestId(browser, "field-message");
    await message.waitForExist({ timeout: 5000 });
    assert.match(await message.getText(), /不是有效的电子邮箱地址/);
    assert.equal(
      await (await byTestId(browser, "setting-email")).getValue(),
      "hnrdlgwxrc163.com",
      "a refused value stays in its field to be corrected",
    );
    await screenshot(browser, "settings-03-bad-email");

    await fill(browser, "setting-email", "lianluo@hnrd.gov.cn");
    await (await byTestId(browser, "save-settings")).click();
    const status = await byTestId(browser, "settings-status");
    await browser.waitUntil(async () => (await status.getAttribute("data-status")) === "saved", {
      timeout: 5000,
      timeoutMsg: "the corrected settings were not saved",
    });
    assert.equal(await message.isExisting(), false, "no message is left once the e-mail is valid");
    await screenshot(browser, "settings-04-saved");
    const bodyFont = await byTestId(browser, "setting-font-body");
    await bodyFont.scrollIntoView();
    assert.match(await bodyFont.getText(), /FandolFang/, "a bundled font is named, not just 内置");
    await screenshot(browser, "settings-05-layout-and-fonts");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch();
  try {
    await waitForList(browser);
    await (await byTestId(browser, "open-settings")).click();
    const email = await byTestId(browser, "setting-email");
    await email.waitForExist({ timeout: 10000 });
    await browser.waitUntil(async () => (await email.getValue()) === "lianluo@hnrd.gov.cn", {
      timeout: 5000,
      timeoutMsg: "the saved e-mail must come back after a restart",
    });
  } finally {
    await browser.deleteSession();
  }
});

test("an issue duplicated as a template can be deleted to the trash and restored", async () => {
  const browser = await launch();
  try {
    await waitForList(browser);
    const before = await rowTexts(browser);
    const demo = (await browser.$$('[data-testid="issue-row"]')).at(-1);
    assert.match(await demo.getText(), /总第七百四十一期/, "the oldest row is the demo issue");
    await (await demo.$('[data-testid="duplicate-issue"]')).click();
    await (await byTestId(browser, "list-notice")).waitForExist({ timeout: 5000 });
    const afterCopy = await rowTexts(browser);
    assert.equal(afterCopy.length, before.length + 1);
    const copyText = afterCopy.find((text) => !before.includes(text));
    assert.match(copyText, /总第七百四十三期/, "the copy takes the next running number");
    assert.match(copyText, /草稿/);
    assert.match(copyText, /2篇/, "the copy starts with the demo issue's articles");

    const copyRow = (await browser.$$('[data-testid="issue-row"]'))[afterCopy.indexOf(copyText)];
    await (await copyRow.$('[data-testid="trash-issue"]')).click();
    await browser.waitUntil(async () => (await rowTexts(browser)).length === before.length, { timeout: 5000 });
    assert.ok(!(await rowTexts(browser)).some((text) => text.includes("总第七百四十三期")));

    await (await byTestId(browser, "open-trash")).click();
    await (await byTestId(browser, "trash-table")).waitForExist({ timeout: 5000 });
    const trashed = await rowTexts(browser, "trash-row");
    assert.equal(trashed.length, 1);
    assert.match(trashed[0], /总第七百四十三期/);
    await screenshot(browser, "settings-06-trash");

    await (await byTestId(browser, "restore-issue")).click();
    await (await byTestId(browser, "trash-empty")).waitForExist({ timeout: 5000 });
    await (await byTestId(browser, "close-trash")).click();
    await waitForList(browser);
    assert.ok((await rowTexts(browser)).some((text) => text.includes("总第七百四十三期")), "restored to the list");
    await screenshot(browser, "settings-07-restored");
  } finally {
    await browser.deleteSession();
  }
});
