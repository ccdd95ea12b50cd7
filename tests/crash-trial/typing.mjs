// The typing trial: the real app types into the demo issue's first article and is killed with
// SIGKILL at a random moment; the database is then read by the CLI and checked by SQLite.
import { caretAtEnd, freePort, launch, openDemoIssue, startDriver } from "../../ui/e2e/harness.mjs";
import { killApp } from "./app-process.mjs";
import { bodyText, demoIssue, integrity } from "./database.mjs";

// The editor saves 800 ms after the last keystroke (ui/src/features/editor/autosave.ts: a
// pause restarts the wait, so a steady typist's text reaches the database only when they
// pause; until then it is in the editor's local draft). With the save's own round trip, this
// is how long a key must have been followed by no other for the database to owe it.
export const AUTOSAVE_WINDOW_MS = 800 + 400;

/** How many of the keys acknowledged at `times` the autosave should have stored before a
 *  kill at `killedAt`: those up to the last key followed by a full window without another. */
function owedByAutosave(times, killedAt) {
  let owed = 0;
  times.forEach((at, index) => {
    const next = times[index + 1] ?? killedAt;
    if (next - at >= AUTOSAVE_WINDOW_MS) owed = index + 1;
  });
  return owed;
}
const WORDS = "各级代表深入选区走访群众收集意见建议推动解决民生实事切实提高履职实效";

/** The stored body text of the first article of the demo issue. */
function storedText(cli, db) {
  return bodyText(demoIssue(cli, db).issue.articles[0]);
}

/** Types `text` one key at a time until `stopped()`; answers when each key was acknowledged. */
async function typeUntilKilled(browser, text, stopped) {
  const acknowledged = [];
  for (const key of text) {
    if (stopped()) break;
    try {
      await browser.keys([key]);
    } catch {
      break; // The app died under the key.
    }
    if (!stopped()) acknowledged.push(Date.now());
  }
  return acknowledged;
}

/** Waits until the editor has shown 已保存 for a whole second: a draft the last crash left
 *  is restored and saved (autosave.ts's delay) within that time. */
async function settled(browser) {
  const state = await browser.$('[data-testid="save-state"]');
  let savedSince = 0;
  await browser.waitUntil(
    async () => {
      const saved = (await state.getAttribute("data-state")) === "saved";
      savedSince = saved ? savedSince || Date.now() : 0;
      return saved && Date.now() - savedSince >= 1000;
    },
    { timeout: 15000, interval: 50, timeoutMsg: "the editor did not settle on 已保存 within 15 s" },
  );
}

/** Opens the app on `db` and the demo issue; answers the session and the stored text once the
 *  editor has settled. */
async function reopen(port, cli, db) {
  const browser = await launch(port);
  await openDemoIssue(browser);
  await settled(browser);
  return { browser, text: storedText(cli, db) };
}

/** How many of the characters `result` typed are stored in `text`, read after reopening; 0
 *  and not intact when the text is anything but what was there plus a part of what was typed. */
function recovered(result, text) {
  const intact = text.startsWith(result.before) && result.typedText.startsWith(text.slice(result.before.length));
  return { stored: intact ? text.length - result.before.length : 0, intact };
}

/** One trial: reopen (what the draft of the last crash brought back is noted on `previous`),
 *  type, kill at a random moment, read back. */
async function trial(options, random, port, previous) {
  const { app, cli, db } = options;
  const { browser, text: before } = await reopen(port, cli, db);
  if (previous) previous.afterReopen = recovered(previous, before);
  const length = random.between(5, 60);
  const typedText = Array.from({ length }, () => random.pick([...WORDS])).join("");
  const killAfterMs = random.between(100, 5000);
  await caretAtEnd(browser);
  let killedAt = 0;
  const started = Date.now();
  const killer = new Promise((done) =>
    setTimeout(async () => {
      killedAt = Date.now();
      await killApp(app, db);
      done();
    }, killAfterMs),
  );
  const acknowledged = await typeUntilKilled(browser, typedText, () => killedAt !== 0);
  const typingMs = Date.now() - started;
  await killer;
  await browser.deleteSession().catch(() => {});

  const result = { before, typedText, typed: acknowledged.length, killAfterMs };
  const atCrash = recovered(result, storedText(cli, db));
  const owed = owedByAutosave(acknowledged, killedAt);
  return {
    ...result,
    stored: atCrash.stored,
    textIntact: atCrash.intact,
    lost: Math.max(0, acknowledged.length - atCrash.stored),
    owed,
    lostOwed: Math.max(0, owed - atCrash.stored),
    whileTyping: killAfterMs < typingMs && acknowledged.length < typedText.length,
    integrity: integrity(db),
  };
}

/** Runs `count` trials on one database, each with a fresh tauri-driver, and a last reopen
 *  for what the final crash's draft brings back. */
export async function typingTrials(options, random, count, report) {
  if (count === 0) return [];
  const results = [];
  for (let index = 1; index <= count + 1; index += 1) {
    const port = await freePort();
    const driver = await startDriver(options.db, port, await freePort());
    try {
      if (index > count) {
        const { browser, text } = await reopen(port, options.cli, options.db);
        await browser.deleteSession().catch(() => {});
        results.at(-1).afterReopen = recovered(results.at(-1), text);
      } else {
        const result = await trial(options, random, port, results.at(-1));
        if (index > 1) report(index - 1, results.at(-1));
        results.push(result);
      }
    } finally {
      driver.kill();
    }
  }
  report(count, results.at(-1));
  return results;
}
