// `make crash-trial`: the real desktop app killed with SIGKILL at random moments — while text
// is typed, during a PDF export, during an import — and what the database and the export
// folder hold afterwards. Not part of `make test` (it takes minutes); run it under a display.
//
//   TRIALS (200)          typing trials
//   EXPORT_TRIALS (20)    kills during an export
//   IMPORT_TRIALS (20)    kills during an import
//   SEED (time of day)    the random seed; printed, so a run can be repeated
//   JIANBAO_APP, JIANBAO_CLI   the app and the CLI (as for ui/e2e)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { demoDatabase } from "../../ui/e2e/harness.mjs";
import { exportTrials } from "./export.mjs";
import { importTrials } from "./import.mjs";
import { seededRandom } from "./random.mjs";
import { AUTOSAVE_WINDOW_MS, typingTrials } from "./typing.mjs";

const count = (name, fallback) => Number(process.env[name] ?? fallback);
const seed = count("SEED", Date.now() % 2 ** 31);
const options = {
  app: resolve(process.env.JIANBAO_APP ?? "../target/debug/jianbao"),
  cli: resolve(process.env.JIANBAO_CLI ?? "../target/debug/jianbao-cli"),
  db: demoDatabase(),
};
// The app keeps its WebView's localStorage (where the editor's drafts live) in the user's data
// folder, whatever the database: a run's own folder keeps its crashes' drafts from reaching
// the user's app or other test runs.
const home = mkdtempSync(join(tmpdir(), "jianbao-crash-home-"));
for (const name of ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"]) process.env[name] = join(home, name);
process.on("exit", () => rmSync(home, { recursive: true, force: true }));
const random = seededRandom(seed);
console.log(`crash trial: seed ${seed} (SEED=${seed} repeats this run), database ${options.db}`);

const typing = await typingTrials(options, random, count("TRIALS", 200), (index, r) =>
  console.log(
    `typing ${String(index).padStart(3)}: kill after ${String(r.killAfterMs).padStart(4)} ms ` +
      `${r.whileTyping ? "while typing" : "after typing"}; typed ${r.typed}, stored ${r.stored}, ` +
      `lost ${r.lost} (of the ${r.owed} the autosave owed: ${r.lostOwed}); ` +
      `after reopening ${r.afterReopen.stored} stored; text ${r.textIntact && r.afterReopen.intact ? "intact" : "CHANGED"}; ` +
      `integrity ${r.integrity}`,
  ),
);
const exports = await exportTrials(options, random, count("EXPORT_TRIALS", 20), (index, r, ms) =>
  console.log(
    `export ${String(index).padStart(3)}: kill after ${r.killAfterMs} ms of a ${ms} ms export ` +
      `(${r.replacing ? "replacing a PDF" : "new file"}): target ${r.outcome}, ${r.strays} temporary file(s) ` +
      `left beside it; integrity ${r.integrity}`,
  ),
);
const imports = await importTrials(options, random, count("IMPORT_TRIALS", 20), (index, r, ms) =>
  console.log(`import ${String(index).padStart(3)}: kill after ${r.killAfterMs} ms of a ${ms} ms import: ${r.outcome} of the batch; integrity ${r.integrity}`),
);

const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
const max = (items, key) => Math.max(0, ...items.map((item) => item[key]));
const bad = (items) => items.filter((item) => item.integrity !== "ok").length;
const tally = (items, outcomes) => outcomes.map((o) => `${o} ${items.filter((item) => item.outcome === o).length}`).join(", ");
const lostAfterReopen = typing.map((r) => ({ lost: Math.max(0, r.typed - r.afterReopen.stored) }));
const rows = [
  ["typing trials", typing.length, `killed while typing ${typing.filter((r) => r.whileTyping).length}`],
  ["keystrokes typed", sum(typing, "typed"), ""],
  ["lost at the crash", sum(typing, "lost"), `max per trial ${max(typing, "lost")} (typed minus stored in the database)`],
  ["  of those owed", sum(typing, "lostOwed"), `max per trial ${max(typing, "lostOwed")} (keys followed by ${AUTOSAVE_WINDOW_MS} ms without another: the autosave should have stored them)`],
  ["lost after reopening", sum(lostAfterReopen, "lost"), `max per trial ${max(lostAfterReopen, "lost")} (the editor's draft restored)`],
  ["text changed otherwise", typing.filter((r) => !r.textIntact || !r.afterReopen.intact).length, ""],
  ["export trials", exports.length, `${tally(exports, ["none", "old", "new", "HALF"])}; temporary files left ${sum(exports, "strays")}`],
  ["import trials", imports.length, tally(imports, ["none", "all", "PART"])],
  ["integrity failures", bad(typing) + bad(exports) + bad(imports), `PRAGMA integrity_check + foreign_key_check after each of ${typing.length + exports.length + imports.length} kills`],
];
console.log(`\nsummary (seed ${seed})`);
for (const [what, n, note] of rows) console.log(`  ${what.padEnd(24)} ${String(n).padStart(6)}  ${note}`);

const failed =
  typing.some((r) => r.lostOwed > 0 || !r.textIntact || !r.afterReopen.intact) ||
  exports.some((r) => !r.ok) ||
  imports.some((r) => !r.ok) ||
  bad(typing) + bad(exports) + bad(imports) > 0;
if (failed) {
  console.log("crash trial FAILED: text the autosave owed lost, stored text changed, a half file, a half import or a damaged database");
  process.exitCode = 1;
}
