// The issue workspace in the real app: add an article, type Chinese (WebDriver keys and a
// simulated IME composition), reorder, restart the app and find everything stored.
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

/** Types through a simulated IME: pinyin first shown in the text, then replaced by the
 *  chosen characters, with the composition events a Chinese input method sends. */
async function composeChinese(browser, pinyin, chosen) {
  await browser.execute(
    (pinyin, chosen) => {
      const editor = document.querySelector('[data-testid="editor"]');
      const paragraph = [...editor.children].filter((node) => node.tagName === "P").at(-1);
      editor.focus();
      const selection = getSelection();
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      range.collapse(false);
      selection.removeAllRanges();
      selection.addRange(range);
      const fire = (type, data) => editor.dispatchEvent(new CompositionEvent(type, { bubbles: true, data }));
      fire("compositionstart", "");
      document.execCommand("insertText", false, pinyin);
      fire("compositionupdate", pinyin);
      // The IME replaces the pinyin it showed with the characters the user picked.
      const marked = getSelection().getRangeAt(0);
      marked.setStart(marked.endContainer, marked.endOffset - pinyin.length);
      document.execCommand("insertText", false, chosen);
      fire("compositionupdate", chosen);
      fire("compositionend", chosen);
      editor.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertCompositionText", data: chosen }));
    },
    pinyin,
    chosen,
  );
}

test("a new article typed in Chinese and moved up is all there after restarting the app", async () => {
  let browser = await launch(PORT);
  let autosaveMs;
  try {
    await openDemoIssue(browser);
    assert.equal((await articleTitles(browser)).length, 2, "the demo issue has two articles");
    await screenshot(browser, "10-workspace");

    await (await browser.$('[data-testid="add-article"]')).click();
    await browser.waitUntil(async () => (await articleTitles(browser)).length === 3, { timeout: 5000 });
    await (await browser.$('.article-doc h1.title-line')).click();
    await browser.keys([..."人大代表联络站建设"]);
    await (await browser.$('.article-doc > p')).click();
    await browser.keys([..."全市新建联络站。"]);
    await composeChinese(browser, "daibiao", "代表");
    await browser.keys([..."进站履职。"]);
    const typedAt = Date.now();
    await waitSaved(browser);
    autosaveMs = Date.now() - typedAt;
    assert.ok(autosaveMs < 2000, `stored within 2 s of the last key (took ${autosaveMs} ms)`);

    const text = await (await browser.$('[data-testid="editor"]')).getText();
    assert.match(text, /全市新建联络站。代表进站履职。/, "keys and the IME composition both reach the text");
    assert.doesNotMatch(text, /daibiao/, "the pinyin shown during composition is replaced");
    const titles = await articleTitles(browser);
    assert.equal(titles[2], "人大代表联络站建设", "the list follows the typed title");
    assert.match(await (await browser.$('[data-testid="article-count"]')).getText(), /本篇 22 字/);

    const items = await browser.$$('[data-testid="article-item"]');
    await (await items[2].$('[data-testid="move-up"]')).click();
    await browser.waitUntil(async () => (await articleTitles(browser))[1] === "人大代表联络站建设", {
      timeout: 5000,
      timeoutMsg: "上移 did not move the new article to the second place",
    });
    await screenshot(browser, "11-workspace-new-article");
  } finally {
    await browser.deleteSession();
  }
  console.log(`autosave: stored ${autosaveMs} ms after the last keystroke`);

  browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const titles = await articleTitles(browser);
    assert.equal(titles.length, 3);
    assert.equal(titles[1], "人大代表联络站建设", "the order was stored");
    const items = await browser.$$('[data-testid="article-item"]');
    await (await items[1].$("button.open")).click();
    await browser.waitUntil(
      async () => /代表进站履职/.test(await (await browser.$('[data-testid="editor"]')).getText()),
      { timeout: 5000, timeoutMsg: "the typed text was not found after the restart" },
    );
    assert.match(await (await browser.$('[data-testid="issue-count"]')).getText(), /本期共 \d+ 字/);

    await (await browser.$('[data-testid="history-toggle"]')).click();
    await (await browser.$('[data-testid="revision"]')).waitForExist({ timeout: 5000 });
    assert.ok((await browser.$$('[data-testid="revision"]')).length >= 2, "each save is a revision");
    await screenshot(browser, "12-after-restart-history");
  } finally {
    await browser.deleteSession();
  }
});

test("text typed just before the window is closed is there on reopening", async () => {
  let browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const paragraphs = await browser.$$(".article-doc > p");
    await paragraphs[paragraphs.length - 1].click();
    await browser.keys(["End", ..."关闭前最后一句"]);
    // What the window manager's close button does: Tauri's close request, without waiting
    // for the autosave delay.
    await browser.execute(() =>
      window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event: "tauri://close-requested", payload: null }),
    );
    await browser.waitUntil(
      async () => {
        try {
          await browser.getTitle();
          return false;
        } catch {
          return true;
        }
      },
      { timeout: 5000, timeoutMsg: "the window did not close after saving" },
    );
  } finally {
    await browser.deleteSession().catch(() => {});
  }

  browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    await browser.waitUntil(
      async () => /关闭前最后一句/.test(await (await browser.$('[data-testid="editor"]')).getText()),
      { timeout: 5000, timeoutMsg: "the text typed before closing was lost" },
    );
  } finally {
    await browser.deleteSession();
  }
});

test("Ctrl+B bolds, Ctrl+Z undoes, and an older revision can be restored", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const editor = await browser.$('[data-testid="editor"]');
    // Select the first two characters of the first body paragraph.
    await browser.execute(() => {
      const paragraph = document.querySelector(".article-doc > p");
      const text = paragraph.firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 2);
      paragraph.closest("[contenteditable]").focus();
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await browser.keys(["Control", "b", "Control"]);
    await browser.waitUntil(async () => (await editor.$$("p strong")).length > 0, { timeout: 3000, timeoutMsg: "Ctrl+B did not bold" });
    await browser.keys(["Control", "z", "Control"]);
    await browser.waitUntil(async () => (await editor.$$("p strong")).length === 0, { timeout: 3000, timeoutMsg: "Ctrl+Z did not undo" });

    const paragraphs = await browser.$$(".article-doc > p");
    await paragraphs[paragraphs.length - 1].click();
    await browser.keys(["End", ..."改坏了"]);
    await browser.keys(["Control", "s", "Control"]);
    await waitSaved(browser);

    await (await browser.$('[data-testid="history-toggle"]')).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="revision"]')).length >= 2, { timeout: 5000 });
    const revisions = await browser.$$('[data-testid="revision"]');
    await revisions[revisions.length - 1].click();
    await (await browser.$('[data-testid="restore"]')).click();
    await browser.waitUntil(async () => !/改坏了/.test(await editor.getText()), {
      timeout: 5000,
      timeoutMsg: "restoring the first revision did not bring the original text back",
    });
    await screenshot(browser, "13-restored-revision");
  } finally {
    await browser.deleteSession();
  }
});
