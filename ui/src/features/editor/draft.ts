// Unsaved editor content kept in localStorage until the backend confirms the save, so that a
// crash or a window closed mid-save loses nothing; the editor offers it again on reopening.
// Every database on the computer shares the web view's storage, and article ids repeat across
// databases, so a draft is keyed by the database's identity as well as the article's id.
import type { Article } from "../../generated/bindings";

export type Draft = {
  article: Article;
  editedAt: string;
  /** The stored revision the text was typed on; a save names it as its base. */
  baseRevision?: number;
  /** Kept by a version that did not know which database it was typed in. */
  databaseUnknown?: boolean;
};

/** Which article of which database (`ArticleView.store`) a draft is for. */
export type DraftPlace = { store: string; articleId: number };

/** A draft found on opening; `stale` when it was typed on an older revision than the stored
 *  one (someone else saved meanwhile): only the user can decide between the two. */
export type FoundDraft = Draft & { stale: boolean };

const key = ({ store, articleId }: DraftPlace) => `jianbao.draft.${store}.article.${articleId}`;
const keyWithoutDatabase = (articleId: number) => `jianbao.draft.article.${articleId}`;

export function keepDraft(storage: Storage, place: DraftPlace, article: Article, now = new Date(), baseRevision?: number) {
  write(storage, place, { article, editedAt: now.toISOString(), baseRevision });
}

function write(storage: Storage, place: DraftPlace, draft: Draft) {
  try {
    storage.setItem(key(place), JSON.stringify(draft));
  } catch {
    // A full or unavailable storage must not stop editing; the backend save still runs.
  }
}

export function dropDraft(storage: Storage, place: DraftPlace) {
  storage.removeItem(key(place));
}

/**
 * A draft kept before drafts knew their database may be this database's or another's: it is
 * moved under this database's key as one only the user can judge (shown beside the stored
 * text, never applied by itself), so nothing typed is lost and nothing is silently mixed in.
 */
function adoptDraftWithoutDatabase(storage: Storage, place: DraftPlace) {
  const raw = storage.getItem(keyWithoutDatabase(place.articleId));
  if (raw === null) return;
  storage.removeItem(keyWithoutDatabase(place.articleId));
  if (storage.getItem(key(place)) !== null) return;
  try {
    write(storage, place, { ...(JSON.parse(raw) as Draft), databaseUnknown: true });
  } catch {
    // Unreadable: nothing to keep.
  }
}

/** The stored article the editor opens, as far as drafts are concerned. */
export type StoredArticle = { article: Article; savedAt: string; revision: number };

/**
 * The local draft when it holds text the database does not: a save that never completed.
 * A draft that names its base revision is kept unless the stored article is that text; one
 * typed on an older revision comes back `stale`, never silently dropped or stored over the
 * newer one. A draft without a base (older versions) is kept when it is newer than the stored
 * article's `savedAt`. Anything else is discarded. A draft of unknown database is stale unless
 * the stored article already holds its text.
 */
export function unsavedDraft(storage: Storage, place: DraftPlace, stored: StoredArticle): FoundDraft | null {
  adoptDraftWithoutDatabase(storage, place);
  const raw = storage.getItem(key(place));
  if (raw === null) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (draft.databaseUnknown) {
      if (!sameContent(draft.article, stored.article)) return { ...draft, stale: true };
    } else if (draft.baseRevision === undefined) {
      if (Date.parse(draft.editedAt) > Date.parse(stored.savedAt)) return { ...draft, stale: false };
    } else if (draft.baseRevision === stored.revision) {
      return { ...draft, stale: false };
    } else if (!sameContent(draft.article, stored.article)) {
      return { ...draft, stale: true };
    }
  } catch {
    // Unreadable: fall through and forget it.
  }
  dropDraft(storage, place);
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
