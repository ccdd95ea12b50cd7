// Importing manuscripts in the real app: a hard-wrapped .txt with half-width punctuation is
// reviewed (one proposal rejected, the rest accepted) and lands at the end of the issue with
// only the accepted changes; a corrupt .docx is refused in Chinese and the issue is unchanged.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { articleTitles, defaultPort as PORT, demoDatabase, launch, openDemoIssue, screenshot, startDriver } from "./harness.mjs";

const TITLE = "县人大常委会开展专题调研";
const MANUSCRIPT = [
  `# ${TITLE}`,
  "",
  "为推动代表建议落实,县人大常委会组织代表",
  "深入乡镇开展调研:走访联络站12个。",
  "",
  "（县人大常委会办公室 供稿）",
  "",
].join("\n");

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

/** Hands files to the page as the file picker (`pick`) or a drop on the article list does. */
async function giveFiles(browser, files, how) {
  const encoded = files.map(({ name, bytes }) => ({ name, data: Buffer.from(bytes).toString("base64") }));
  await browser.execute(
    (encoded, how) => {
      const transfer = new DataTransfer();
      for (const { name, data } of encoded) {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      if (how === "pick") {
        const input = document.querySelector('[data-testid="import-input"]');
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        const zone = document.querySelector('[data-testid="import-drop-zone"]');
        zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    },
    encoded,
    how,
  );
}

test("a .txt is reviewed, one proposal rejected, and stored with the accepted changes only", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const before = await articleTitles(browser);
    await giveFiles(browser, [{ name: "调研稿件.txt", bytes: new TextEncoder().encode(MANUSCRIPT) }], "pick");

    const panel = await browser.$('[data-testid="import-review"]');
    await panel.waitForExist({ timeout: 10000, timeoutMsg: "the review panel did not open" });
    const rules = [];
    for (const row of await browser.$$('[data-testid="proposal"]')) rules.push(await row.getAttribute("data-rule"));
    assert.ok(rules.includes("joinLines"), `the hard wrap is proposed for joining: ${rules}`);
    assert.ok(rules.filter((r) => r === "fullWidthPunctuation").length >= 2, `comma and colon: ${rules}`);
    assert.deepEqual(await articleTitles(browser), before, "nothing is stored while the editor reviews");
    await screenshot(browser, "import-review");

    await (await browser.$('[data-testid="accept-all"]')).click();
    let colon = null;
    for (const row of await browser.$$('[data-testid="proposal"]')) {
      const change = await (await row.$('[data-testid="proposal-change"]')).getText();
      if (change.includes("调研:")) colon = row;
    }
    assert.ok(colon, "the half-width colon is among the proposals");
    await (await colon.$('[data-testid="reject"]')).click();
    assert.equal(await colon.getAttribute("data-accepted"), "false");
    const accepted = Number(await (await browser.$('[data-testid="accepted-count"]')).getText());
    assert.equal(accepted, rules.length - 1, "all but the rejected one are accepted");
    await screenshot(browser, "import-review-decided");

    await (await browser.$('[data-testid="apply-import"]')).click();
    await panel.waitForExist({ reverse: true, timeout: 10000, timeoutMsg: "the panel stayed open" });
    const titles = await articleTitles(browser);
    assert.deepEqual(titles, [...before, TITLE], "the new article is at the end of the list");
    const editor = await browser.$('[data-testid="editor"]');
    await browser.waitUntil(async () => (await editor.getText()).includes("深入乡镇"), { timeout: 5000 });
    const text = await editor.getText();
    assert.ok(
      text.includes("为推动代表建议落实，县人大常委会组织代表深入乡镇开展调研:走访联络站12个。"),
      `joined, comma made full width, rejected colon kept: ${text}`,
    );
    await screenshot(browser, "import-done");
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("pasted text goes to review, and cancelling stores nothing", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const before = await articleTitles(browser);
    await (await browser.$('[data-testid="paste-article"]')).click();
    const text = "# 粘贴的稿件\n\n坚持线上十线下,依据湘党简准字[2000]第28号文件。";
    // As a paste delivers it, line breaks included (typed keys would turn them into Enter).
    await browser.execute((text) => {
      const area = document.querySelector('[data-testid="paste-text"]');
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, text);
    await (await browser.$('[data-testid="paste-import"]')).click();
    const panel = await browser.$('[data-testid="import-review"]');
    await panel.waitForExist({ timeout: 10000, timeoutMsg: "the review panel did not open" });
    const heading = await (await browser.$('[data-testid="review-article"] h3')).getText();
    assert.match(heading, /^粘贴的稿件/, "the # line is the title");
    const flagged = await browser.$$('[data-testid="import-warnings"] [data-testid="proposal"]');
    const flaggedRules = [];
    for (const row of flagged) {
      flaggedRules.push(await row.getAttribute("data-rule"));
      assert.equal(await row.getAttribute("data-accepted"), "false", "a guessed fix is never accepted by default");
    }
    assert.deepEqual(flaggedRules.sort(), ["suspiciousBracket", "suspiciousCross"], "both guesses are listed to check");
    await screenshot(browser, "import-review-flagged");
    await (await browser.$('[data-testid="cancel-import"]')).click();
    await panel.waitForExist({ reverse: true, timeout: 5000 });
    assert.deepEqual(await articleTitles(browser), before, "cancelling leaves the issue as it was");
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("a corrupt .docx is refused in Chinese and the issue stays as it was", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const before = await articleTitles(browser);
    // A zip signature followed by garbage: what a truncated download looks like.
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("不是完整的文档")]);
    await giveFiles(browser, [{ name: "损坏的稿件.docx", bytes: corrupt }], "drop");

    const error = await browser.$('[data-testid="error"]');
    await error.waitForExist({ timeout: 10000, timeoutMsg: "no error was shown" });
    const message = await error.getText();
    assert.match(message, /损坏的稿件\.docx/, "the message names the file");
    assert.match(message, /已损坏.*另存为 \.docx/, "the message says what to do");
    assert.equal(await (await browser.$('[data-testid="import-review"]')).isExisting(), false);
    assert.deepEqual(await articleTitles(browser), before, "nothing was added");
    await screenshot(browser, "import-corrupt-docx");
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});

test("dragging an article in the list still reorders it and is not taken for a file", async () => {
  const browser = await launch(PORT);
  try {
    await openDemoIssue(browser);
    const before = await articleTitles(browser);
    // Drag events as the webview sends them for a drag inside the page (Tauri's own drop
    // handler is off so that file drops reach the page; in-page drags must still work).
    await browser.execute(() => {
      const items = document.querySelectorAll('[data-testid="article-item"]');
      const transfer = new DataTransfer();
      const fire = (target, type) =>
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      fire(items[1], "dragstart");
      fire(items[0], "dragover");
      fire(items[0], "drop");
      fire(items[1], "dragend");
    });
    const moved = [before[1], before[0], ...before.slice(2)];
    await browser.waitUntil(async () => (await articleTitles(browser)).join() === moved.join(), {
      timeout: 5000,
      timeoutMsg: "the dragged article did not move up",
    });
    assert.equal(await (await browser.$('[data-testid="error"]')).isExisting(), false, "no import was attempted");
    assert.equal(await (await browser.$('[data-testid="import-review"]')).isExisting(), false);
  } finally {
    await browser.deleteSession().catch(() => {});
  }
});
