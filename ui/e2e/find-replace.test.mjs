// 查找与替换 and the safe rounds in the real app: Ctrl+F finds in the open article with the
// match highlighted and counted, Ctrl+H replaces across both articles of the demo issue in
// one step (one revision per article, taken back in one step), 送签发 warns about what still
// waits, and 签发 keeps the masthead date unless the signer chooses otherwise. Screens are
// shot at 1280×720 and at 1440×900.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { byTestId, call, defaultPort as PORT, demoDatabase, goOnIfWaiting, launch, openDemoIssue, screenshot, startDriver, waitText } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function issueText(browser) {
  const issue = await call(browser, "get_issue", { id: 1 });
  const texts = [];
  for (const summary of issue.articles) texts.push(JSON.stringify((await call(browser, "get_article", { id: summary.id })).article));
  return { issue, texts };
}

async function revisionCounts(browser, issue) {
  const counts = [];
  for (const summary of issue.articles) counts.push((await call(browser, "list_revisions", { articleId: summary.id })).length);
  return counts;
}

async function atSize(browser, width, height) {
  try {
    await browser.setWindowSize(width, height);
  } catch {
    // Some WebDriver builds cannot resize a Tauri window; the shot is then at the screen's size.
  }
}

test("Ctrl+F finds and highlights, Ctrl+H replaces across the issue in one undoable step", async () => {
  const browser = await launch(PORT);
  try {
    await atSize(browser, 1280, 720);
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    await browser.execute(() => localStorage.setItem("jianbao.userName", "汤建"));
    await openDemoIssue(browser);
    const { issue, texts: original } = await issueText(browser);
    const count = (text, word) => text.split(word).length - 1;
    const expected = original.map((text) => count(text, "联络站"));
    assert.ok(expected.every((n) => n > 0), `both demo articles mention 联络站: ${expected}`);

    // No spell-check squiggles under Chinese text, in the editor or in any field.
    const spellchecked = await browser.execute(() => [...document.querySelectorAll("input, [contenteditable]")].filter((e) => e.spellcheck).length);
    assert.equal(spellchecked, 0, "the browser's spell-check is off everywhere");

    // Ctrl+F in the editor: the count, then the first match selected, highlighted, in view.
    await (await browser.$(".article-doc > p")).click();
    await browser.keys(["Control", "f"]);
    const input = await byTestId(browser, "find-input");
    await input.setValue("联络站");
    await waitText(browser, "find-count", new RegExp(`本篇共 ${expected[0]} 处`), "the open article's matches are not counted");
    await browser.keys("Enter");
    await waitText(browser, "find-count", new RegExp(`第 1 / ${expected[0]} 处`), "Enter did not go to the first match");
    const active = await browser.$(".ProseMirror-active-search-match");
    await active.waitForExist({ timeout: 5000, timeoutMsg: "the match is not highlighted" });
    assert.equal(await active.getText(), "联络站");
    await screenshot(browser, "60-find-1280x720");
    const box = await browser.execute(() => {
      const rect = document.querySelector(".ProseMirror-active-search-match").getBoundingClientRect();
      const page = document.querySelector(".page").getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, pageTop: page.top, pageBottom: page.bottom, height: innerHeight };
    });
    assert.ok(box.top >= box.pageTop && box.bottom <= Math.min(box.pageBottom, box.height), `the match is scrolled into view: ${JSON.stringify(box)}`);

    // Ctrl+H: the replace row; across the whole issue, with the count of both articles.
    await browser.keys(["Control", "h"]);
    await (await byTestId(browser, "replace-input")).setValue("联络服务站");
    await (await byTestId(browser, "find-scope")).selectByAttribute("value", "issue");
    const total = expected[0] + expected[1];
    await waitText(browser, "find-issue-count", new RegExp(`全期共 ${total} 处，在 2 篇文章中`), "the issue's matches are not counted");
    const before = await revisionCounts(browser, issue);
    await (await byTestId(browser, "replace-all")).click();
    await waitText(browser, "find-message", new RegExp(`全期已替换 ${total} 处，涉及 2 篇文章`), "the replace-all did not report");
    const replaced = await issueText(browser);
    assert.deepEqual(replaced.texts.map((text) => count(text, "联络服务站")), expected, "every match in both articles is replaced");
    assert.deepEqual(await revisionCounts(browser, issue), before.map((n) => n + 1), "one new revision per changed article");
    await browser.waitUntil(async () => (await (await browser.$('[data-testid="editor"]')).getText()).includes("联络服务站"), {
      timeout: 5000,
      timeoutMsg: "the open article does not show the replaced text",
    });
    await screenshot(browser, "61-replace-all-issue-1280x720");

    // One Ctrl+Z in the editor takes the whole replace-all back, in both articles.
    await (await browser.$(".article-doc > p")).click();
    await browser.keys(["Control", "z"]);
    await browser.waitUntil(async () => JSON.stringify((await issueText(browser)).texts) === JSON.stringify(original), {
      timeout: 10000,
      timeoutMsg: "Ctrl+Z did not take the replace-all back in both articles",
    });
    await atSize(browser, 1440, 900);
    await screenshot(browser, "62-replace-undone-1440x900");
  } finally {
    await browser.deleteSession();
  }
});

test("送签发 with an open finding warns first, and 签发 keeps the masthead date unless told", async () => {
  const browser = await launch(PORT);
  try {
    await atSize(browser, 1440, 900);
    await openDemoIssue(browser);
    await browser.execute(() => localStorage.setItem("jianbao.userName", "汤建"));
    const status = async () => (await (await byTestId(browser, "round-status")).getText());
    for (const next of ["一校", "二校", "三校"]) {
      await (await byTestId(browser, "round-advance")).click();
      await browser.waitUntil(async () => (await status()) === next, { timeout: 10000, timeoutMsg: `not at ${next}` });
    }
    const check = await call(browser, "check_issue", { issueId: 1 });
    assert.ok(check.findings.length > 0, "the demo issue has proof findings to warn about");

    await (await byTestId(browser, "round-advance")).click();
    await waitText(browser, "round-waiting", /还有 \d+ 处校对问题未处理/, "送签发 did not say what still waits");
    await screenshot(browser, "63-send-to-sign-off-warned-1440x900");
    await (await byTestId(browser, "round-go-back")).click();
    assert.equal(await status(), "三校", "返回处理 leaves the issue where it was");

    await (await byTestId(browser, "round-advance")).click();
    await goOnIfWaiting(browser, async () => (await status()) === "待签发");
    await browser.waitUntil(async () => (await status()) === "待签发", { timeout: 10000, timeoutMsg: "仍然送签 did not send it on" });

    // 签发: the date starts as the masthead's; another date asks which one prints.
    const masthead = (await call(browser, "get_issue", { id: 1 })).date;
    await (await byTestId(browser, "round-sign-off")).click();
    const field = await browser.$('[data-testid="sign-off-date"]');
    await goOnIfWaiting(browser, () => field.isExisting());
    assert.equal(masthead, "2025-09-02");
    assert.equal(await (await byTestId(browser, "sign-off-date")).getValue(), "2025年9月2日", "the sign-off date defaults to the masthead date");
    await browser.execute(() => {
      const input = document.querySelector('[data-testid="sign-off-date"]');
      input.value = "2025-09-01";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await (await byTestId(browser, "round-confirm")).click();
    await waitText(browser, "sign-off-date-choice", /签发日期 2025年9月1日 与刊头的出刊日期 2025年9月2日 不同/, "both dates are not shown");
    await atSize(browser, 1280, 720);
    await screenshot(browser, "64-sign-off-date-choice-1280x720");
    await (await byTestId(browser, "sign-off-keep-masthead")).click();
    await browser.waitUntil(async () => (await status()) === "已签发", { timeout: 10000, timeoutMsg: "the issue was not signed off" });
    assert.equal((await call(browser, "get_issue", { id: 1 })).date, masthead, "the printed date did not move");
    const history = await call(browser, "issue_rounds", { id: 1 });
    assert.equal(history.history.at(-1).signOffDate, "2025-09-01", "the sign-off date itself is recorded");

    // A signed-off issue refuses replacing, from the store.
    const refused = await call(browser, "replace_in_issue", { issueId: 1, find: "联络站", replacement: "x" });
    assert.match(refused.error?.message ?? "", /已签发/, "a signed-off issue refuses replacing");
  } finally {
    await browser.deleteSession();
  }
});
