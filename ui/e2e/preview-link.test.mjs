// The preview and the editor in the real app: a click on a printed line opens its article
// with the caret before the clicked character (at 1280×720 and 1440×900), 预览跟随光标 marks
// the caret's line in the preview, the zoom buttons redraw the page at 适合宽度 / 100% / 150%,
// the export says 正在导出… and 已保存到 … in the page, and 下一处 in 全期 crosses into the next
// article. The native save dialog is no part of the page: the test types the path into it
// with xdotool, as a user would.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { byTestId, call, defaultPort as PORT, demoDatabase, launch, openDemoIssue, screenshot, startDriver, waitText } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

/** The app keeps its localStorage between sessions: the zoom and 预览跟随光标 chosen here
 *  must not reach the other test files. */
async function forgetPreviewSettings(browser) {
  await browser.execute(() => localStorage.removeItem("jianbao.preview")).catch(() => {});
}

async function atSize(browser, width, height) {
  try {
    await browser.setWindowSize(width, height);
  } catch {
    // Some WebDriver builds cannot resize a Tauri window; the shot is then at the screen's size.
  }
}

const WORD = "试验田";
/** Our own paragraphs: two mentions of WORD in the first article, one in the second. */
const OWN = [
  [`村东头那块${WORD}今年换了新品种。`, `到了秋天，${WORD}的收成比往年多三成。`],
  [`第二篇文章里也有一块${WORD}，种的是新稻种。`],
];

/** Appends our own paragraphs to both articles of the demo issue, through the store. */
async function addOwnParagraphs(browser) {
  const issue = await call(browser, "get_issue", { id: 1 });
  for (const [index, summary] of issue.articles.entries()) {
    const view = await call(browser, "get_article", { id: summary.id });
    const body = [...view.article.body, ...OWN[index].map((text) => ({ type: "paragraph", content: [{ text }] }))];
    const saved = await call(browser, "save_article", { id: summary.id, article: { ...view.article, body }, baseRevision: view.revision });
    assert.ok(!saved.error, `our paragraphs are stored: ${JSON.stringify(saved.error)}`);
  }
  return issue.articles.map((article) => article.id);
}

/** The laid-out run of the preview holding `text` in a body block of article `articleIndex`. */
async function runHolding(browser, articleIndex, text) {
  const preview = await call(browser, "preview_issue", { issueId: 1 });
  for (const page of preview.pages) {
    for (const run of page.runs) {
      if (run.source?.article === articleIndex && run.source.part === "body" && run.text.includes(text)) return { page, run, preview };
    }
  }
  throw new Error(`no printed run of article ${articleIndex} holds ${text}`);
}

/** Clicks the preview with a real pointer at a point of page `pageNumber`, in points. */
async function clickPreviewAt(browser, pageNumber, xPt, yPt, pageWidthPt) {
  const point = await browser.execute(
    (pageNumber, xPt, yPt, pageWidthPt) => {
      const svg = document.querySelector(`[data-testid="preview-page"][data-page="${pageNumber}"]`);
      const pane = document.querySelector('[data-testid="preview"] .pages');
      const at = () => {
        const box = svg.getBoundingClientRect();
        const scale = box.width / pageWidthPt;
        return { x: box.left + xPt * scale, y: box.top + yPt * scale };
      };
      // The point to the middle of the pane, at any zoom.
      const paneBox = pane.getBoundingClientRect();
      const before = at();
      pane.scrollBy(before.x - (paneBox.left + paneBox.width / 2), before.y - (paneBox.top + paneBox.height / 2));
      const point = at();
      return { x: Math.round(point.x), y: Math.round(point.y) };
    },
    pageNumber,
    xPt,
    yPt,
    pageWidthPt,
  );
  await browser.action("pointer").move({ x: point.x, y: point.y, origin: "viewport" }).down().up().perform();
}

/** The text right after the editor's caret, and whether the caret is collapsed and in view. */
async function caretInEditor(browser) {
  return browser.execute(() => {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const caret = selection.getRangeAt(0);
    const block = (caret.startContainer.nodeType === 1 ? caret.startContainer : caret.startContainer.parentElement).closest("p, h1, h2, h3, h4, div.title-line, [data-testid='editor'] > *");
    const rest = document.createRange();
    rest.setStart(caret.startContainer, caret.startOffset);
    rest.setEndAfter(block);
    const rect = caret.getBoundingClientRect();
    const page = document.querySelector(".page").getBoundingClientRect();
    return {
      collapsed: caret.collapsed,
      inEditor: Boolean(block?.closest('[data-testid="editor"]')),
      after: rest.toString(),
      inView: rect.top >= page.top && rect.bottom <= page.bottom,
      focused: document.activeElement?.getAttribute("data-testid") === "editor",
    };
  });
}

test("a click on a preview line opens its article with the caret at that text, at two window sizes", async () => {
  const browser = await launch(PORT);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    const articleIds = await addOwnParagraphs(browser);
    await openDemoIssue(browser);
    await byTestId(browser, "preview-page");
    for (const [width, height, articleIndex, text, zoom] of [
      [1280, 720, 1, "新稻种", "fit"],
      [1440, 900, 0, "收成", "150"],
    ]) {
      await atSize(browser, width, height);
      // A click lands at the same text at every zoom.
      await (await byTestId(browser, `preview-zoom-${zoom}`)).click();
      const { page, run, preview } = await runHolding(browser, articleIndex, text);
      const glyph = Array.from(run.text).indexOf(text[0]);
      // A quarter into the glyph: the caret goes before it.
      const x = run.xPt[glyph] + run.sizePt / 4;
      const y = run.baselineYPt - run.sizePt * 0.4;
      await clickPreviewAt(browser, page.number, x, y, preview.pageWidthPt);
      await browser.waitUntil(async () => (await caretInEditor(browser))?.after.startsWith(text), {
        timeout: 10000,
        timeoutMsg: `the caret did not land before ${text} (${JSON.stringify(await caretInEditor(browser))})`,
      });
      const caret = await caretInEditor(browser);
      assert.ok(caret.collapsed && caret.inEditor && caret.focused, `a caret in the focused editor: ${JSON.stringify(caret)}`);
      assert.ok(caret.inView, "the caret is scrolled into view");
      const editorText = await (await browser.$('[data-testid="editor"]')).getText();
      assert.ok(editorText.includes(OWN[articleIndex][0]), `article ${articleIds[articleIndex]} is open in the editor`);
      await screenshot(browser, `70-preview-click-${width}x${height}`);
    }

    // A 要目 entry leads to its article's title.
    const preview = await call(browser, "preview_issue", { issueId: 1 });
    const entry = preview.pages[0].runs.find((run) => run.source?.part === "contents" && run.source.article === 1 && run.text !== "●");
    await clickPreviewAt(browser, 1, entry.xPt[1], entry.baselineYPt - entry.sizePt * 0.4, preview.pageWidthPt);
    const title = (await call(browser, "get_article", { id: articleIds[1] })).article.title.join("");
    await browser.waitUntil(async () => title.startsWith((await caretInEditor(browser))?.after.slice(0, 2) ?? "\u0000"), {
      timeout: 10000,
      timeoutMsg: "a 要目 entry did not open its article at the title",
    });
  } finally {
    await forgetPreviewSettings(browser);
    await browser.deleteSession();
  }
});

test("预览跟随光标 marks the caret's line, and the zoom buttons redraw the page at their sizes", async () => {
  const browser = await launch(PORT);
  try {
    await atSize(browser, 1440, 900);
    await openDemoIssue(browser);
    const page = await byTestId(browser, "preview-page");
    await (await byTestId(browser, "preview-follow")).click();
    await (await browser.$(".article-doc > p")).click();
    await browser.keys(["End"]);
    const line = await byTestId(browser, "preview-caret-line");
    assert.ok(await line.isExisting(), "the caret's line is marked in the preview");
    const inView = await browser.execute(() => {
      const mark = document.querySelector('[data-testid="preview-caret-line"]').getBoundingClientRect();
      const pane = document.querySelector('[data-testid="preview"] .pages').getBoundingClientRect();
      return mark.top >= pane.top && mark.bottom <= pane.bottom;
    });
    assert.ok(inView, "the preview scrolled to the caret's line");
    await screenshot(browser, "71-preview-follows-caret-1440x900");

    const widthPt = (await call(browser, "preview_issue", { issueId: 1 })).pageWidthPt;
    const widthPx = async () => Number(await page.getAttribute("width"));
    await (await byTestId(browser, "preview-zoom-100")).click();
    await browser.waitUntil(async () => (await widthPx()) === Math.round((widthPt * 96) / 72), { timeout: 5000, timeoutMsg: "100% is not the printed A4 width" });
    await (await byTestId(browser, "preview-zoom-150")).click();
    await browser.waitUntil(async () => (await widthPx()) === Math.round((widthPt * 96 * 1.5) / 72), { timeout: 5000, timeoutMsg: "150% is not half as wide again" });
    // Drawn from vectors at the new size: the page's text is text, not a scaled picture.
    assert.ok((await browser.$$('[data-testid="preview-page"] text')).length > 10, "the page is drawn as text");
    await screenshot(browser, "72-preview-zoom-150-1440x900");
    await (await byTestId(browser, "preview-zoom-fit")).click();
    const fits = await browser.execute(() => {
      const svg = document.querySelector('[data-testid="preview-page"]').getBoundingClientRect();
      const pane = document.querySelector('[data-testid="preview"] .pages').getBoundingClientRect();
      return svg.width <= pane.width && svg.width > pane.width * 0.8;
    });
    assert.ok(fits, "适合宽度 fits the page to the pane");
    await (await byTestId(browser, "preview-zoom-150")).click();
    await browser.refresh();
    await openDemoIssue(browser);
    await byTestId(browser, "preview-page");
    assert.equal(await (await byTestId(browser, "preview-zoom-150")).getAttribute("aria-pressed"), "true", "the zoom is kept after a reload");
    assert.equal(await (await byTestId(browser, "preview-follow")).isSelected(), true, "预览跟随光标 is kept after a reload");
  } finally {
    await forgetPreviewSettings(browser);
    await browser.deleteSession();
  }
});

/** Answers the native save dialog as a user would: types the path into its name field. The
 *  GTK file chooser takes a whole path there. */
async function answerSaveDialog(path) {
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      const id = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "导出 PDF"], { timeout: 3000 }).toString().trim().split("\n")[0];
      // No window manager under Xvfb: focus the dialog directly.
      execFileSync("xdotool", ["windowfocus", "--sync", id]);
      execFileSync("xdotool", ["key", "--window", id, "ctrl+a"]);
      execFileSync("xdotool", ["type", "--window", id, "--delay", "20", path]);
      execFileSync("xdotool", ["key", "--window", id, "Return"]);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the save dialog did not appear: ${error}`);
    }
  }
}

test("the export says 正在导出… and 已保存到 … in the page, with 打开文件夹", async () => {
  const browser = await launch(PORT);
  try {
    await atSize(browser, 1280, 720);
    await openDemoIssue(browser);
    await byTestId(browser, "preview-page");
    const target = join(mkdtempSync(join(tmpdir(), "jianbao-export-")), "proof-export.pdf");
    // Every status the panel shows, however briefly.
    await browser.execute(() => {
      window.__shown = [];
      new MutationObserver(() => window.__shown.push(document.querySelector('[data-testid="export"]')?.textContent ?? "")).observe(
        document.querySelector('[data-testid="export"]'),
        { childList: true, subtree: true, characterData: true },
      );
    });
    await (await byTestId(browser, "export-start")).click();
    await answerSaveDialog(target);
    await waitText(browser, "export-saved-path", /已保存到 .*proof-export\.pdf（共 \d+ 页）/, "the page does not say where the PDF was saved");
    assert.ok(existsSync(target), "the PDF is written where the dialog said");
    const shown = await browser.execute(() => window.__shown.join("\n"));
    assert.match(shown, /正在导出…/, "正在导出… shows while the export runs");
    const actions = await (await byTestId(browser, "export-done")).getText();
    assert.match(actions, /打开文件夹/, "the folder can be opened from the page");
    const previewWarnings = await (await byTestId(browser, "preview-warnings")).getText();
    for (const warning of previewWarnings.split("\n").filter(Boolean)) {
      assert.ok(!actions.includes(warning), `the export does not repeat the preview's warning: ${warning}`);
    }
    await screenshot(browser, "73-export-saved-1280x720");
  } finally {
    await forgetPreviewSettings(browser);
    await browser.deleteSession();
  }
});

test("下一处 in 全期 goes past this article's last match into the next article", async () => {
  const browser = await launch(PORT);
  try {
    await atSize(browser, 1280, 720);
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    // A fresh database per file: add our paragraphs unless the first test already did.
    const first = await call(browser, "get_article", { id: (await call(browser, "get_issue", { id: 1 })).articles[0].id });
    if (!JSON.stringify(first.article).includes(OWN[0][0])) await addOwnParagraphs(browser);
    await openDemoIssue(browser);
    const issue = await call(browser, "get_issue", { id: 1 });
    const counts = [];
    for (const summary of issue.articles) counts.push(JSON.stringify((await call(browser, "get_article", { id: summary.id })).article).split(WORD).length - 1);
    const total = counts[0] + counts[1];
    await (await browser.$(".article-doc > p")).click();
    await browser.keys(["Control", "f"]);
    await (await byTestId(browser, "find-input")).setValue(WORD);
    await (await byTestId(browser, "find-scope")).selectByAttribute("value", "issue");
    await waitText(browser, "find-count", new RegExp(`全期共 ${total} 处（本篇 ${counts[0]} 处）`), "the issue's matches are not counted in the bar");
    for (let k = 1; k <= counts[0]; k++) {
      await (await byTestId(browser, "find-next")).click();
      await waitText(browser, "find-count", new RegExp(`第 ${k} / ${total} 处（本篇 ${k} / ${counts[0]}）`), `下一处 did not reach match ${k}`);
    }
    await (await byTestId(browser, "find-next")).click();
    await waitText(browser, "find-count", new RegExp(`第 ${counts[0] + 1} / ${total} 处（本篇 1 / ${counts[1]}）`), "下一处 did not cross into the next article");
    const editorText = await (await browser.$('[data-testid="editor"]')).getText();
    assert.ok(editorText.includes(OWN[1][0]), "the second article is open");
    const box = await browser.execute(() => {
      const match = document.querySelector(".ProseMirror-active-search-match")?.getBoundingClientRect();
      const page = document.querySelector(".page").getBoundingClientRect();
      return match ? { inView: match.top >= page.top && match.bottom <= page.bottom, text: document.querySelector(".ProseMirror-active-search-match").textContent } : null;
    });
    assert.ok(box?.inView && box.text === WORD, `the match is highlighted and in view: ${JSON.stringify(box)}`);
    await screenshot(browser, "75-find-next-article-1280x720");
    await (await byTestId(browser, "find-prev")).click();
    await waitText(browser, "find-count", new RegExp(`第 ${counts[0]} / ${total} 处（本篇 ${counts[0]} / ${counts[0]}）`), "上一处 did not go back into the first article's last match");
  } finally {
    await forgetPreviewSettings(browser);
    await browser.deleteSession();
  }
});
