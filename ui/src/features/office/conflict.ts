// A save refused because someone saved a newer version meanwhile. The user's text is never
// overwritten: the panel shows both, the user copies their text and loads the newer version.
import type { Article, Block, Inline } from "../../generated/bindings";

const runsText = (runs: Inline[]) => runs.filter((run) => run.suggestion?.kind !== "deletion").map((run) => run.text).join("");

function blockText(block: Block): string {
  return block.type === "image" ? (block.caption ?? "") : runsText(block.content);
}

/** The article as plain text, one paragraph a line, for the clipboard and the comparison. */
export function articleText(article: Article): string {
  const lines = [...article.title];
  if (article.subtitle) lines.push(article.subtitle);
  if (article.byline) lines.push(article.byline);
  if (article.editorNote?.length) lines.push(`【编者按】${runsText(article.editorNote)}`);
  lines.push(...article.body.map(blockText).filter((text) => text !== ""));
  if (article.source) lines.push(`（摘编自${article.source}）`);
  else if (article.contributors?.length) lines.push(`（${article.contributors.join("、")}供稿）`);
  return lines.join("\n");
}

/** Whether a refusal is a stale base revision (a conflict), which only the user can resolve. */
export function isConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "conflict";
}

/** Puts `text` on the clipboard; `false` when the browser refused (the user copies by hand). */
export async function copyText(text: string, clipboard: Pick<Clipboard, "writeText"> | undefined = navigator.clipboard): Promise<boolean> {
  try {
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
