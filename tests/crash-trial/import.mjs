// The import trial: the real app imports a batch of manuscripts (pasted text, one
// transaction) into the demo issue and is killed with SIGKILL at a random moment of it. The
// issue must then hold either none of the batch or all of it, each article whole.
import { freePort, launch, startDriver } from "../../ui/e2e/harness.mjs";
import { killApp } from "./app-process.mjs";
import { bodyText, demoIssue, integrity } from "./database.mjs";

const ARTICLES = 40;

/** A batch of manuscripts in the pasted-text form: `# title`, paragraphs, an attribution. */
function batch(trial) {
  const articles = [];
  for (let n = 1; n <= ARTICLES; n += 1) {
    const paragraphs = Array.from(
      { length: 12 },
      (_, p) => `第${trial}批第${n}篇第${p + 1}段：乡镇人大主席团组织代表走访选民，逐条梳理群众反映的道路、供水和就医问题，督促有关部门限期办理并向代表反馈。`,
    );
    articles.push([`# 第${trial}批第${n}篇 代表走访选民情况`, "", ...paragraphs.flatMap((p) => [p, ""]), `（第${trial}批供稿单位${n} 供稿）`, ""].join("\n"));
  }
  return articles.join("\n");
}

/** The articles of batch `trial` in the issue, and whether each has all its paragraphs. */
function batchInIssue(cli, db, trial) {
  const all = demoIssue(cli, db).issue.articles;
  const articles = all.filter((article) => article.title.join("").startsWith(`第${trial}批第`));
  const whole = articles.filter((article) => bodyText(article).split("\n").length === 12 && bodyText(article).endsWith("向代表反馈。"));
  return { count: articles.length, whole: whole.length, total: all.length };
}

async function runImport(browser, issueId, text, wait) {
  await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
  const request = { command: "import_manuscripts", request: { issueId, files: [], pasted: text } };
  if (!wait) {
    await browser.execute((request) => {
      window.__crashTrialImport = window.__TAURI_INTERNALS__.invoke("call", request);
    }, request);
    return null;
  }
  return browser.executeAsync(async (request, done) => {
    done(await window.__TAURI_INTERNALS__.invoke("call", request).catch((error) => ({ error })));
  }, request);
}

export async function importTrials(options, random, count, report) {
  if (count === 0) return [];
  const { app, cli, db } = options;
  const { id } = demoIssue(cli, db);
  const port = await freePort();
  const driver = await startDriver(db, port, await freePort());
  const results = [];
  try {
    // One whole import, timed: the kill moments are drawn against it.
    let browser = await launch(port);
    const started = Date.now();
    const whole = await runImport(browser, id, batch(0), true);
    const importMs = Date.now() - started;
    await browser.deleteSession().catch(() => {});
    if (whole?.error || batchInIssue(cli, db, 0).whole !== ARTICLES) {
      throw new Error(`the uninterrupted import did not store ${ARTICLES} whole articles: ${JSON.stringify(whole?.error)}`);
    }
    for (let index = 1; index <= count; index += 1) {
      const before = demoIssue(cli, db).issue.articles.length;
      // The batch is stored early in the round trip (the rest is the answer and the page's
      // redraw): kill moments are drawn from its first part.
      const killAfterMs = random.between(0, Math.round(importMs * 0.4));
      browser = await launch(port);
      await runImport(browser, id, batch(index), false);
      await new Promise((done) => setTimeout(done, killAfterMs));
      await killApp(app, db);
      await browser.deleteSession().catch(() => {});
      const found = batchInIssue(cli, db, index);
      const outcome = found.count === 0 ? "none" : found.whole === ARTICLES && found.count === ARTICLES ? "all" : "PART";
      const result = {
        killAfterMs,
        outcome,
        ok: outcome !== "PART" && found.total === before + found.count,
        integrity: integrity(db),
      };
      results.push(result);
      report(index, result, importMs);
    }
  } finally {
    driver.kill();
  }
  return results;
}
