// Unsaved editor content kept in localStorage until the backend confirms the save, so that a
// crash or a window closed mid-save loses nothing; the editor offers it again on reopening.
import type { Article } from "../../generated/bindings";

export type Draft = {
  article: Article;
  editedAt: string;
  /** The stored revision the text was typed on; a save names it as its base. */
  baseRevision?: number;
};

/** A draft found on opening; `stale` when it was typed on an older revision than the stored
 *  one (someone else saved meanwhile): only the user can decide between the two. */
export type FoundDraft = Draft & { stale: boolean };

const key = (articleId: number) => `jianbao.draft.article.${articleId}`;

export function keepDraft(storage: Storage, articleId: number, article: Article, now = new Date(), baseRevision?: number) {
  const draft: Draft = { article, editedAt: now.toISOString(), baseRevision };
  try {
    storage.setItem(key(articleId), JSON.stringify(draft));
  } catch {
    // A full or unavailable storage must not stop editing; the backend save still runs.
  }
}

export function dropDraft(storage: Storage, articleId: number) {
  storage.removeItem(key(articleId));
}

/** The stored article the editor opens, as far as drafts are concerned. */
export type StoredArticle = { article: Article; savedAt: string; revision: number };

/**
 * The local draft when it holds text the database does not: a save that never completed.
 * A draft that names its base revision is kept unless the stored article is that text; one
 * typed on an older revision comes back `stale`, never silently dropped or stored over the
 * newer one. A draft without a base (older versions) is kept when it is newer than the stored
 * article's `savedAt`. Anything else (e.g. left from another database) is discarded.
 */
export function unsavedDraft(storage: Storage, articleId: number, stored: StoredArticle): FoundDraft | null {
  const raw = storage.getItem(key(articleId));
  if (raw === null) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (draft.baseRevision === undefined) {
      if (Date.parse(draft.editedAt) > Date.parse(stored.savedAt)) return { ...draft, stale: false };
    } else if (draft.baseRevision === stored.revision) {
      return { ...draft, stale: false };
    } else if (!sameContent(draft.article, stored.article)) {
      return { ...draft, stale: true };
    }
  } catch {
    // Unreadable: fall through and forget it.
  }
  dropDraft(storage, articleId);
  return null;
}

/** The same article whatever order its fields were written in. */
function sameContent(a: Article, b: Article): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries.sort(([x], [y]) => x.localeCompare(y)).map(([name, field]) => `${JSON.stringify(name)}:${canonical(field)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
