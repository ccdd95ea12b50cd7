// Comments and suggestions in the real app: a comment on selected text with an answer,
// a suggested insertion accepted and a suggested deletion rejected, a split refused in
// suggesting mode, the sign-off refused while a comment is open, then the rounds through to
// sign-off and a read-only editor.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, goOnIfWaiting, launch, openDemoIssue, screenshot, selectInFirstParagraph, signOffOn, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function firstParagraph(browser) {
  return (await browser.$('[data-testid="editor"] > p:not([class])')).getText();
}

async function click(browser, testId) {
  const button = await browser.$(`[data-testid="${testId}"]`);
  await button.waitForClickable({ timeout: 5000 });
  await button.click();
}

async function waitText(browser, selector, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await (await browser.$(selector)).getText().catch(() => "")), {
    timeout: 8000,
    timeoutMsg: what,
  });
}

test("comment, suggest, accept and reject, then sign off into a read-only editor", async () => {
  const browser = await launch(PORT);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await browser.execute(() => localStorage.setItem("jianbao.userName", "李校对"));
    await openDemoIssue(browser);
    const original = await firstParagraph(browser);

    // A comment on the first four characters, then an answer.
    await selectInFirstParagraph(browser, 0, 4);
    await click(browser, "comment-add");
    await (await browser.$('[data-testid="comment-text"]')).setValue("请核对这一提法");
    await click(browser, "comment-save");
    await waitText(browser, '[data-testid="comment-thread"]', /请核对这一提法/, "the comment was not stored");
    const quote = original.slice(0, 4);
    assert.equal(await (await browser.$('[data-testid="editor"] .comment-open')).getText(), quote);
    await (await browser.$('[data-testid="comment-reply"]')).setValue("已核对，无误");
    await click(browser, "comment-reply-send");
    await waitText(browser, '[data-testid="comment-thread"]', /已核对，无误/, "the answer was not stored");

    // Suggesting mode: an insertion at the end of the paragraph, a deletion of two characters.
    await click(browser, "suggest-toggle");
    await selectInFirstParagraph(browser, -1, -1);
    await browser.keys([..."（新增）"]);
    await waitText(browser, '[data-testid="editor"] ins', /（新增）/, "the typing was not recorded as a suggestion");
    await selectInFirstParagraph(browser, 4, 6);
    await browser.keys(["Backspace"]);
    await waitText(browser, '[data-testid="editor"] del', /.{2}/, "the deletion was not recorded as a suggestion");
    assert.equal(await (await browser.$$('[data-testid="suggestion"]')).length, 2);
    assert.match(await (await browser.$('[data-testid="suggestion"]')).getText(), /李校对/);
    await browser.keys(["Enter"]);
    await waitText(browser, '[data-testid="review-notice"]', /不能拆分/, "a split in suggesting mode was not refused");
    await screenshot(browser, "50-comment-and-suggestions");

    // The deletion comes first in the text: reject it, then accept the insertion.
    await click(browser, "suggestion-reject");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="suggestion"]')).length === 1, { timeout: 5000 });
    await click(browser, "suggestion-accept");
    await browser.waitUntil(async () => (await browser.$$('[data-testid="suggestion"]')).length === 0, { timeout: 5000 });
    assert.equal(await firstParagraph(browser), `${original}（新增）`, "accepted text stays, rejected deletion is undone");
    assert.equal(await (await browser.$('[data-testid="editor"] ins')).isExisting(), false);
    await click(browser, "suggest-toggle");

    // Through the rounds: the sign-off waits for the open comment.
    for (const next of ["一校", "二校", "三校", "待签发"]) {
      await click(browser, "round-advance");
      if (next === "待签发") {
        const label = await browser.$('[data-testid="round-status"]');
        await goOnIfWaiting(browser, async () => (await label.getText()) === next);
      }
      await waitText(browser, '[data-testid="round-status"]', new RegExp(`^${next}$`), `the issue did not reach ${next}`);
    }
    await signOffOn(browser, "2025-09-03");
    await waitText(browser, '[data-testid="round-error"]', /1 条批注未解决/, "the sign-off did not wait for the comment");

    await click(browser, "comment-resolve");
    const showResolved = await browser.$("button*=显示已解决（1）");
    await showResolved.waitForExist({ timeout: 5000 });
    await showResolved.click();
    await waitText(browser, '[data-testid="comment-thread"]', /已由李校对解决/, "the comment was not resolved");
    await signOffOn(browser, "2025-09-03");
    await waitText(browser, '[data-testid="round-status"]', /已签发/, "the issue was not signed off");
    const editor = await browser.$('[data-testid="editor"]');
    await browser.waitUntil(async () => (await editor.getAttribute("contenteditable")) === "false", { timeout: 5000 });
    assert.equal(await (await browser.$('[data-testid="suggest-toggle"]')).isExisting(), false);
    assert.equal(await (await browser.$('[data-testid="comment-resolve"]')).isExisting(), false, "threads are read-only too");
    await screenshot(browser, "51-signed-off-after-review");
  } finally {
    await browser.deleteSession();
  }
});
