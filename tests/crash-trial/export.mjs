// The export trial: the real app writes the demo issue's PDF and is killed with SIGKILL at a
// random moment of it. At the target there must be either what was there before (nothing, or
// the last complete PDF) or the new complete PDF, never a part of one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, launch, startDriver } from "../../ui/e2e/harness.mjs";
import { killApp } from "./app-process.mjs";
import { demoIssue, integrity } from "./database.mjs";

/** Starts the export in the page and answers at once (the PDF is written in the background). */
async function startExport(browser, issueId, path) {
  await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
  await browser.execute((issueId, path) => {
    window.__crashTrialExport = window.__TAURI_INTERNALS__.invoke("export_issue_pdf", { issueId, path });
  }, issueId, path);
}

/** Whether `path` is a whole PDF: poppler reads every page and finds the masthead's text. */
function completePdf(path) {
  try {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path], { encoding: "utf8", stdio: "pipe" }))[1]);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8", stdio: "pipe" });
    return pages > 0 && text.replace(/\s/g, "").includes("联络动态");
  } catch {
    return false;
  }
}

/** One whole export, timed: what the kill moments are drawn against. */
async function timedExport(options, port, issueId, path) {
  const browser = await launch(port);
  try {
    await (await browser.$('[data-testid="issue-table"]')).waitForExist({ timeout: 15000 });
    const started = Date.now();
    await browser.executeAsync(async (issueId, path, done) => {
      done(await window.__TAURI_INTERNALS__.invoke("export_issue_pdf", { issueId, path }).catch((error) => error));
    }, issueId, path);
    if (!completePdf(path)) throw new Error(`the uninterrupted export at ${path} is not a whole PDF`);
    return Date.now() - started;
  } finally {
    await browser.deleteSession().catch(() => {});
  }
}

export async function exportTrials(options, random, count, report) {
  if (count === 0) return [];
  const { app, cli, db } = options;
  const folder = mkdtempSync(join(tmpdir(), "jianbao-crash-export-"));
  const target = join(folder, "联络动态2025年第13期.pdf");
  const { id } = demoIssue(cli, db);
  const port = await freePort();
  const driver = await startDriver(db, port, await freePort());
  const results = [];
  try {
    const exportMs = await timedExport(options, port, id, target);
    for (let index = 1; index <= count; index += 1) {
      // Half the trials replace an earlier PDF, half write where there was none.
      const replacing = random.next() < 0.5;
      if (replacing && !existsSync(target)) await timedExport(options, port, id, target);
      if (!replacing) rmSync(target, { force: true });
      const old = replacing ? readFileSync(target) : null;
      const killAfterMs = random.between(0, Math.round(exportMs * 1.5));
      const browser = await launch(port);
      await startExport(browser, id, target);
      await new Promise((done) => setTimeout(done, killAfterMs));
      await killApp(app, db);
      await browser.deleteSession().catch(() => {});
      const present = existsSync(target);
      const whole = present && completePdf(target);
      const unchanged = present && old !== null && readFileSync(target).equals(old);
      const strays = readdirSync(folder).filter((name) => name.startsWith(".jianbao-export-"));
      const result = {
        killAfterMs,
        replacing,
        outcome: !present ? "none" : unchanged ? "old" : whole ? "new" : "HALF",
        ok: replacing ? whole : !present || whole,
        strays: strays.length,
        strayBytes: strays.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0),
        integrity: integrity(db),
      };
      for (const name of strays) rmSync(join(folder, name));
      results.push(result);
      report(index, result, exportMs);
    }
  } finally {
    driver.kill();
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}
