// Finds the desktop app's process among those tauri-driver started, and kills it the way a
// power cut or a crash ends it: SIGKILL, no chance to save or clean up.
import { readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";

/** Process ids of `app` running on database `db` (the app inherits JIANBAO_DB). */
export function appProcesses(app, db) {
  const exe = realpathSync(app);
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) !== exe) continue;
      const environment = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environment.includes(`JIANBAO_DB=${db}`)) found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Kills the app on `db` with SIGKILL and waits until it is gone; answers how many it killed. */
export async function killApp(app, db) {
  const pids = appProcesses(app, db);
  for (const pid of pids) process.kill(pid, "SIGKILL");
  const deadline = Date.now() + 5000;
  while (appProcesses(app, db).length > 0) {
    if (Date.now() > deadline) throw new Error(`the app on ${db} survived SIGKILL`);
    await new Promise((done) => setTimeout(done, 20));
  }
  return pids.length;
}
