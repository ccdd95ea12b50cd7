// Reading the trial's database from outside the app: the real CLI for the text, SQLite's own
// checks for the file.
import { execFileSync } from "node:child_process";

/** The issue with total number 741 (the demo issue), as the exchange format gives it. */
export function demoIssue(cli, db) {
  const list = execFileSync(cli, ["--db", db, "issue", "list"], { encoding: "utf8" });
  const row = list.split("\n").find((line) => line.includes("总第741期"));
  const id = Number(row?.trim().split(/\s+/)[0]);
  if (!Number.isInteger(id)) throw new Error(`the demo issue is not listed:\n${list}`);
  // The import trials make the issue large: room for its whole exchange form.
  const dump = execFileSync(cli, ["--db", db, "issue", "dump", String(id)], { encoding: "utf8", maxBuffer: 1 << 30 });
  return { id, issue: JSON.parse(dump).issue };
}

/** The body text of an article: its paragraphs' runs, joined. */
export function bodyText(article) {
  return article.body
    .filter((block) => block.type === "paragraph")
    .map((block) => block.content.map((run) => run.text).join(""))
    .join("\n");
}

/** SQLite's integrity and foreign-key checks on the file: "ok" or what they found. */
export function integrity(db) {
  const script = [
    "import sqlite3, sys",
    "c = sqlite3.connect(sys.argv[1])",
    "rows = [r[0] for r in c.execute('PRAGMA integrity_check')]",
    "rows += ['foreign key: %r' % (r,) for r in c.execute('PRAGMA foreign_key_check')]",
    "print('; '.join(rows))",
  ].join("\n");
  return execFileSync("python3", ["-c", script, db], { encoding: "utf8" }).trim();
}
