// 轮次对照 and the sign-off lock in the real app: the demo issue goes to 一校, a sentence is
// added, it goes on to 二校, and the comparison marks the added sentence; once signed off, the
// masthead, the article list and the import take no changes and say why.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, goOnIfWaiting, launch, openDemoIssue, screenshot, signOffOn, startDriver } from "./harness.mjs";

const ADDED = "特此补充说明";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function waitStatus(browser, expected) {
  const label = await browser.$('[data-testid="round-status"]');
  await browser.waitUntil(async () => (await label.isExisting()) && (await label.getText()) === expected, {
    timeout: 10000,
    timeoutMsg: `the issue did not reach ${expected}`,
  });
}

async function advanceTo(browser, status) {
  await (await browser.$('[data-testid="round-advance"]')).click();
  if (status === "待签发") {
    const label = await browser.$('[data-testid="round-status"]');
    await goOnIfWaiting(browser, async () => (await label.getText()) === status);
  }
  await waitStatus(browser, status);
}

/** Waits until the open article, as stored, holds `text` (the autosave has run). */
async function waitStored(browser, text) {
  const id = Number(await (await browser.$('[data-testid="article-item"]')).getAttribute("data-article-id"));
  await browser.waitUntil(
    async () => {
      const stored = await browser.executeAsync((articleId, done) => {
        window.__TAURI_INTERNALS__.invoke("call", { command: "get_article", request: { id: articleId } }).then((view) => done(JSON.stringify(view)));
      }, id);
      return stored.includes(text);
    },
    { timeout: 10000, timeoutMsg: `“${text}” was not stored` },
  );
}

async function disabled(browser, selector) {
  return !(await (await browser.$(selector)).isEnabled());
}

test("the comparison marks what a round added, and a signed-off issue locks its masthead and list", async () => {
  const browser = await launch(PORT);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await browser.execute(() => localStorage.setItem("jianbao.userName", "汤建"));
    await openDemoIssue(browser);
    await waitStatus(browser, "草稿");

    await (await browser.$('[data-testid="side-tab-compare"]')).click();
    const none = await browser.$('[data-testid="compare-none"]');
    await none.waitForExist({ timeout: 5000 });
    assert.match(await none.getText(), /还没有送校/, "a draft has no round to compare yet");

    await advanceTo(browser, "一校");
    const paragraphs = await browser.$$(".article-doc > p");
    await paragraphs[paragraphs.length - 1].click();
    await browser.keys(["End", ...ADDED]);
    await waitStored(browser, ADDED);
    await advanceTo(browser, "二校");

    // Advancing refreshed the open tab: it compares 一校 (the round before) with now.
    await browser.waitUntil(
      async () => {
        const marked = await browser.$$('[data-testid="round-compare"] ins');
        for (const ins of marked) if ((await ins.getText()) === ADDED) return true;
        return false;
      },
      { timeout: 10000, timeoutMsg: "the added sentence is not marked as inserted" },
    );
    assert.equal(await (await browser.$('[data-testid="compare-from"]')).getValue(), "一校");
    assert.equal(await (await browser.$('[data-testid="compare-to"]')).getValue(), "当前");
    const changes = [];
    for (const article of await browser.$$('[data-testid="compare-article"]')) {
      changes.push(await article.getAttribute("data-change"));
    }
    assert.deepEqual(changes, ["changed", "unchanged"], "the second article is one line, 未改动");
    await screenshot(browser, "50-round-compare");

    // From 二校 to now nothing has changed yet, and the view says so.
    await (await browser.$('[data-testid="compare-from"]')).selectByAttribute("value", "二校");
    await (await browser.$('[data-testid="compare-nothing"]')).waitForExist({ timeout: 5000 });

    await advanceTo(browser, "三校");
    await advanceTo(browser, "待签发");
    await signOffOn(browser, "2025-09-03");
    await waitStatus(browser, "已签发");

    const masthead = await browser.$('[data-testid="masthead-locked"]');
    await masthead.waitForExist({ timeout: 5000, timeoutMsg: "the masthead does not say it is locked" });
    assert.equal(await masthead.getText(), "已签发，如需修改请先撤销签发");
    for (const field of ["masthead-kind", "masthead-number", "masthead-total", "masthead-date"]) {
      assert.ok(await disabled(browser, `[data-testid="${field}"]`), `${field} takes no typing after the sign-off`);
    }
    for (const control of ["add-article", "move-down", "remove-article", "import-files", "paste-article"]) {
      assert.ok(await disabled(browser, `[data-testid="${control}"]`), `${control} is disabled after the sign-off`);
    }
    assert.equal(await (await browser.$('[data-testid="article-item"]')).getAttribute("draggable"), "false");
    assert.match(await (await browser.$('[data-testid="articles-locked"]')).getText(), /撤销签发/);

    await (await browser.$('[data-testid="side-tab-preview"]')).click();
    assert.match(await (await browser.$('[data-testid="export-start"]')).getText(), /定稿/, "a signed issue exports its final PDF");
    await (await browser.$("button*=流转记录")).click();
    const history = await (await browser.$('[data-testid="round-history"]')).getText();
    assert.match(history, /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}\u3000草稿 → 一校\u3000汤建/, history);
    await screenshot(browser, "51-signed-off-locked");

    // The list's 删除 says why a signed issue stays, rather than passing on a refusal.
    await (await browser.$('[data-testid="back"]')).click();
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 10000 });
    for (const row of await browser.$$('[data-testid="issue-row"]')) {
      if ((await row.getText()).includes("总第七百四十一期")) await (await row.$('[data-testid="trash-issue"]')).click();
    }
    const notice = await browser.$('[data-testid="list-notice"]');
    await notice.waitForExist({ timeout: 5000 });
    assert.match(await notice.getText(), /已签发，不能删除.*撤销签发/);
  } finally {
    await browser.deleteSession();
  }
});
