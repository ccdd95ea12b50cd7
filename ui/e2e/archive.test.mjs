// The archive in the real app: a two-character search from the issue list, a hit opened at
// its match (the editor selects it), back to the results, and the 统计 page with its chart.
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

test("a two-character search opens the article at its match, and the statistics draw their chart", async () => {
  const browser = await launch();
  try {
    await (await byTestId(browser, "issue-table")).waitForExist({ timeout: 15000 });
    await fill(browser, "search-text", "代表");
    await (await byTestId(browser, "search-submit")).click();
    const summary = await byTestId(browser, "search-summary");
    await summary.waitForExist({ timeout: 10000 });
    assert.match(await summary.getText(), /找到 \d+ 篇文章含有“代表”/);
    const hits = await browser.$$('[data-testid="search-hit"]');
    assert.ok(hits.length >= 1, "the demo issue's articles speak of 代表");
    const marks = await hits[0].$$("mark");
    assert.ok(marks.length >= 1, "the snippet marks the match");
    assert.equal(await marks[0].getText(), "代表");
    await screenshot(browser, "archive-01-search-results");

    await hits[0].click();
    await (await byTestId(browser, "masthead-number")).waitForExist({ timeout: 10000 });
    await browser.waitUntil(async () => (await browser.execute(() => window.getSelection()?.toString() ?? "")) === "代表", {
      timeout: 10000,
      timeoutMsg: "the editor selects the match the hit showed",
    });
    await screenshot(browser, "archive-02-hit-opened");

    await (await byTestId(browser, "back")).click();
    await (await byTestId(browser, "search-summary")).waitForExist({ timeout: 10000 });
    assert.ok((await browser.$$('[data-testid="search-hit"]')).length >= 1, "back from a hit, the results are still there");

    await (await byTestId(browser, "search-clear")).click();
    await (await byTestId(browser, "open-stats")).click();
    const chart = await byTestId(browser, "stats-chart");
    await chart.waitForExist({ timeout: 60000 });
    const drawn = await browser.execute(() => {
      const canvas = document.querySelector('[data-testid="stats-chart"] canvas');
      return canvas instanceof HTMLCanvasElement && canvas.width > 0 && canvas.height > 0;
    });
    assert.ok(drawn, "Chart.js drew the bar chart on its canvas");
    const units = await browser.$$('[data-testid="stats-unit"]');
    assert.equal(units.length, 2, "the demo issue's two contributing units");
    const yearCells = [];
    for (const cell of await browser.$$('[data-testid="stats-years"] tbody td')) yearCells.push(await cell.getText());
    assert.equal(yearCells[0], "2025年");
    assert.equal(yearCells[1], "1", "one issue in 2025");
    assert.ok(Number(yearCells[2]) >= 1, `pages laid out: ${yearCells[2]}`);
    await screenshot(browser, "archive-03-stats");
  } finally {
    await browser.deleteSession();
  }
});
