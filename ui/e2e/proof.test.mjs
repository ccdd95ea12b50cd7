// The proof-check panel in the real app: the demo issue's findings listed by article, a
// finding's article opened by clicking it, a suggestion applied (the editor shows the fixed
// text), a finding ignored (gone, and still gone after the app is restarted).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, launch, openDemoIssue, screenshot, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function openProofPanel(browser) {
  await (await browser.$('[data-testid="side-tab-proof"]')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="proof-finding"]')).length > 0, {
    timeout: 15000,
    timeoutMsg: "the demo issue's findings were not listed",
  });
}

/** The listed finding whose text includes `needle`. */
async function finding(browser, needle) {
  for (const item of await browser.$$('[data-testid="proof-finding"]')) {
    if ((await item.getText()).includes(needle)) return item;
  }
  return null;
}

async function editorText(browser) {
  return (await browser.$('[data-testid="editor"]')).getText();
}

const IGNORED = "市委各部门积极配合";

test("findings are listed, a suggestion applied and a finding ignored for good", async () => {
  let browser = await launch(PORT);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await browser.execute(() => localStorage.setItem("jianbao.userName", "汤建"));
    await openDemoIssue(browser);
    await openProofPanel(browser);
    const summary = await (await browser.$('[data-testid="proof-summary"]')).getText();
    assert.match(summary, /共 \d+ 处：.*标点/, summary);

    // Clicking a finding opens its article: 20—30万 is in the second article.
    const range = await finding(browser, "20—30万");
    assert.ok(range, "the range without its unit is flagged");
    assert.ok(!(await editorText(browser)).includes("20—30万"), "the first article is open at first");
    await (await range.$("button.where")).click();
    await browser.waitUntil(async () => (await editorText(browser)).includes("20—30万"), {
      timeout: 10000,
      timeoutMsg: "clicking the finding did not open its article",
    });
    await browser.waitUntil(async () => (await browser.execute(() => String(getSelection()))) === "20—30万", {
      timeout: 5000,
      timeoutMsg: "the flagged text is not selected in the editor",
    });

    await (await range.$('[data-testid="proof-apply"]')).click();
    await browser.waitUntil(async () => (await editorText(browser)).includes("20万～30万"), {
      timeout: 10000,
      timeoutMsg: "the editor did not show the applied suggestion",
    });
    assert.ok(!(await editorText(browser)).includes("20—30万"));
    assert.equal(await (await browser.$('[data-testid="review-notice"]')).isExisting(), false, "the reloaded editor does not look for the old text");
    await browser.waitUntil(async () => (await finding(browser, "20—30万")) === null, {
      timeout: 10000,
      timeoutMsg: "the applied finding is still listed after the re-check",
    });

    const long = await finding(browser, IGNORED);
    assert.ok(long, "the long sentence is flagged");
    await (await long.$('[data-testid="proof-ignore"]')).click();
    await browser.waitUntil(async () => (await finding(browser, IGNORED)) === null, {
      timeout: 10000,
      timeoutMsg: "the ignored finding is still listed",
    });
    const toggle = await browser.$("label*=显示已忽略（1）");
    assert.ok(await toggle.isExisting(), "the ignored finding can be shown again");
    await screenshot(browser, "50-proof-panel");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    await openProofPanel(browser);
    assert.equal(await finding(browser, IGNORED), null, "an ignored finding stays ignored after a restart");
    assert.ok(await (await browser.$("label*=显示已忽略（1）")).isExisting());
    await (await browser.$('[data-testid="proof-show-ignored"]')).click();
    const shown = await finding(browser, IGNORED);
    assert.ok(shown, "显示已忽略 lists it again");
    assert.match(await shown.getText(), /汤建 忽略于/);
    await screenshot(browser, "51-proof-ignored-shown");
  } finally {
    await browser.deleteSession();
  }
});

/** Types into the last row's field the way a user's edit reaches Svelte. */
async function fillLastRow(browser, testid, value) {
  await browser.execute(
    (testid, value) => {
      const fields = document.querySelectorAll(`[data-testid="${testid}"]`);
      const field = fields[fields.length - 1];
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    },
    testid,
    value,
  );
}

test("the office's word list is edited in settings, checked row by row, and used by the checks", async () => {
  const browser = await launch(PORT);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await (await browser.$('[data-testid="open-settings"]')).click();
    const section = await browser.$('[data-testid="word-list"]');
    await section.waitForExist({ timeout: 10000 });
    // The rows arrive after the section is drawn.
    await browser
      .waitUntil(async () => (await browser.$$('[data-testid="word-row"]')).length > 10, { timeout: 10000 })
      .catch(() => {});
    const shipped = (await browser.$$('[data-testid="word-row"]')).length;
    assert.ok(shipped > 10, "the shipped list is shown");

    await (await browser.$('[data-testid="word-add"]')).click();
    await fillLastRow(browser, "word-wrong", "惠民实招");
    await fillLastRow(browser, "word-right", "惠民实招");
    await fillLastRow(browser, "word-explanation", "本办公室的说法");
    await (await browser.$('[data-testid="word-save"]')).click();
    const message = await browser.$('[data-testid="word-row-message"]');
    await message.waitForExist({ timeout: 10000 });
    assert.equal(await message.getText(), `第 ${shipped + 1} 条：错误写法与正确写法相同，请补全或改正`);

    await fillLastRow(browser, "word-right", "惠民实事");
    await (await browser.$('[data-testid="word-save"]')).click();
    await browser.waitUntil(async () => (await (await browser.$('[data-testid="word-status"]')).getText()) === "用词表已保存", {
      timeout: 10000,
      timeoutMsg: "the corrected list was not saved",
    });
    assert.ok(await (await browser.$('[data-testid="word-reset"]')).isExisting(), "an edited list can be reset");
    await section.scrollIntoView({ block: "end" });
    await screenshot(browser, "52-word-list");

    await (await browser.$('[data-testid="close-settings"]')).click();
    await openDemoIssue(browser);
    await openProofPanel(browser);
    const office = await finding(browser, "惠民实招");
    assert.ok(office, "the office's entry is used by the checks");
    assert.match(await office.getText(), /建议改为：“惠民实事”/);
  } finally {
    await browser.deleteSession();
  }
});
