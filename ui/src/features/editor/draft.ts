// Unsaved editor content kept in localStorage until the backend confirms the save, so that a
// crash or a window closed mid-save loses nothing; the editor offers it again on reopening.
import type { Article } from "../../generated/bindings";

export type Draft = { article: Article; editedAt: string };

const key = (articleId: number) => `jianbao.draft.article.${articleId}`;

export function keepDraft(storage: Storage, articleId: number, article: Article, now = new Date()) {
  const draft: Draft = { article, editedAt: now.toISOString() };
  try {
    storage.setItem(key(articleId), JSON.stringify(draft));
  } catch {
    // A full or unavailable storage must not stop editing; the backend save still runs.
  }
}

export function dropDraft(storage: Storage, articleId: number) {
  storage.removeItem(key(articleId));
}

/** The local draft if it is newer than what the database holds (`savedAt`, RFC 3339): a save
 *  that never completed. An older draft (e.g. left from another database) is discarded. */
export function unsavedDraft(storage: Storage, articleId: number, savedAt: string): Draft | null {
  const raw = storage.getItem(key(articleId));
  if (raw === null) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (Date.parse(draft.editedAt) > Date.parse(savedAt)) return draft;
  } catch {
    // Unreadable: fall through and forget it.
  }
  dropDraft(storage, articleId);
  return null;
}
