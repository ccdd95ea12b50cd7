// The live preview and PDF export in the real app: the demo issue's pages, typing that adds
// pages, the time from a keystroke to the redrawn preview, and an exported PDF that holds the
// typed text. The native save dialog cannot be driven over WebDriver; the test calls the same
// export command the dialog's answer goes to, with a path of its own.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { defaultPort as PORT, demoDatabase, launch, screenshot, startDriver } from "./harness.mjs";

let driver;

before(async () => {
  driver = await startDriver(demoDatabase(), PORT);
});

after(() => {
  driver?.kill();
});

async function pageCount(browser) {
  const count = await browser.$('[data-testid="preview-page-count"]');
  await count.waitForExist({ timeout: 20000, timeoutMsg: "the preview did not show a page count" });
  return Number(await count.getAttribute("data-pages"));
}

/** Durations of the preview refreshes measured in the page so far (ms). */
async function refreshTimes(browser, name = "preview-refresh") {
  return browser.execute((name) => performance.getEntriesByName(name).map((entry) => entry.duration), name);
}

async function waitSaved(browser) {
  const state = await browser.$('[data-testid="save-state"]');
  await browser.waitUntil(async () => (await state.getAttribute("data-state")) === "saved", {
    timeout: 5000,
    timeoutMsg: "the editor did not report 已保存 within 5 s",
  });
}

/** Appends `text` to the editor's last paragraph as one input, as a paste or IME commit does. */
async function appendToLastParagraph(browser, text) {
  await browser.execute((text) => {
    const editor = document.querySelector('[data-testid="editor"]');
    const paragraph = [...editor.children].filter((node) => node.tagName === "P").at(-1);
    editor.focus();
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("insertText", false, text);
  }, text);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test("the preview follows the typing, and the exported PDF holds what was typed", async () => {
  const launchedAt = Date.now();
  const browser = await launch(PORT);
  try {
    const table = await browser.$('[data-testid="issue-table"]');
    await table.waitForExist({ timeout: 15000 });
    const listShownMs = Date.now() - launchedAt;
    for (const row of await browser.$$('[data-testid="issue-row"]')) {
      if ((await row.getText()).includes("总第七百四十一期")) await (await row.$("button")).click();
    }
    await (await browser.$('[data-testid="editor"][contenteditable="true"]')).waitForExist({ timeout: 10000 });
    const editableMs = Date.now() - launchedAt;

    const pagesBefore = await pageCount(browser);
    // The first preview also parses the fonts and hands their files to the page.
    const firstPreviewMs = Date.now() - launchedAt;
    assert.ok(pagesBefore >= 2, `the demo issue fills at least two pages (preview shows ${pagesBefore})`);
    assert.equal((await browser.$$('[data-testid="preview-page"]')).length, pagesBefore, "one drawn page per page");
    await screenshot(browser, "30-preview-demo-issue");

    const typed = "联络站试点经验交流";
    const paragraph = `${typed}。全省各级人大常委会坚持把密切联系代表作为重要工作，认真办理代表建议，推动代表履职常态化。`;
    await appendToLastParagraph(browser, paragraph.repeat(30));
    await browser.waitUntil(async () => (await pageCount(browser)) > pagesBefore, {
      timeout: 10000,
      timeoutMsg: "typing a page and more of text did not add a page to the preview",
    });
    const pagesAfter = await pageCount(browser);
    assert.equal((await browser.$$('[data-testid="preview-page"]')).length, pagesAfter);

    // Single keystrokes, each waited for: the time from the key to the redrawn pages.
    const pane = await browser.$(".pages");
    await browser.execute((el) => (el.scrollTop = 700), pane);
    const latencies = [];
    const layouts = [];
    for (const key of [..."代表联络好"]) {
      const known = (await refreshTimes(browser)).length;
      await browser.keys([key]);
      await browser.waitUntil(async () => (await refreshTimes(browser)).length > known, {
        timeout: 5000,
        timeoutMsg: "a keystroke did not refresh the preview",
      });
      latencies.push((await refreshTimes(browser)).at(-1));
      layouts.push((await refreshTimes(browser, "preview-layout")).at(-1));
    }
    // The command alone, with nothing else on the page's thread: its share of the latency.
    const roundTrips = await browser.executeAsync(async (done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const issue = (await invoke("call", { command: "list_issues", request: {} })).find((summary) => summary.totalNumber === 741);
      const times = [];
      for (let i = 0; i < 5; i += 1) {
        const start = performance.now();
        await invoke("call", { command: "preview_issue", request: { issueId: issue.id } });
        times.push(performance.now() - start);
      }
      done(times);
    });
    const scrollTop = await browser.execute((el) => el.scrollTop, pane);
    assert.equal(scrollTop, 700, "refreshing the preview keeps the reader's place");
    await browser.execute((el) => (el.scrollTop = 0), pane);
    await screenshot(browser, "31-preview-after-typing");

    await waitSaved(browser);
    const pdf = join(mkdtempSync(join(tmpdir(), "jianbao-export-")), "联络动态2025年第13期.pdf");
    const report = await browser.executeAsync(async (path, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const issues = await invoke("call", { command: "list_issues", request: {} });
      const issue = issues.find((summary) => summary.totalNumber === 741);
      done(await invoke("export_issue_pdf", { issueId: issue.id, path }).catch((error) => ({ error })));
    }, pdf);
    assert.ok(!report.error, `export failed: ${JSON.stringify(report.error)}`);
    assert.ok(existsSync(pdf), "the PDF was written where the dialog would have said");
    assert.equal(report.pageCount, pagesAfter, "the export has the pages the preview showed");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).replace(/\s/g, "");
    assert.ok(text.includes(typed), "the typed text is in the PDF");
    assert.ok(text.includes("代表联络好"), "the last keystrokes are in the PDF");
    execFileSync("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "2", pdf, join(process.env.JIANBAO_E2E_OUT ?? "../target/e2e", "32-exported")]);

    console.log(
      `cold start: issue list after ${listShownMs} ms, editable issue after ${editableMs} ms, ` +
        `first preview after ${firstPreviewMs} ms; ` +
        `preview ${pagesBefore} → ${pagesAfter} pages; keystroke → redrawn preview: ` +
        `median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms ` +
        `(${latencies.map((ms) => ms.toFixed(0)).join(", ")}), of which layout and IPC: median ` +
        `${median(layouts).toFixed(0)} ms; preview_issue alone: median ${median(roundTrips).toFixed(0)} ms`,
    );
  } finally {
    await browser.deleteSession();
  }
});
