import { beforeEach, describe, expect, it } from "vitest";
import { dropDraft, keepDraft, unsavedDraft } from "./draft";

const article = { title: ["未保存的标题"], body: [] };
const stored = (savedAt: string, revision = 1) => ({ article: { title: ["已保存的标题"], body: [] }, savedAt, revision });
const here = { store: "0123456789abcdef0123456789abcdef", articleId: 7 };
const elsewhere = { store: "fedcba9876543210fedcba9876543210", articleId: 7 };

describe("local drafts", () => {
  beforeEach(() => localStorage.clear());

  it("offers a draft newer than the stored article", () => {
    keepDraft(localStorage, here, article, new Date("2025-09-02T08:31:00Z"));
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00.000Z"))?.article).toEqual(article);
  });

  it("discards a draft older than the stored article (the save did complete)", () => {
    keepDraft(localStorage, here, article, new Date("2025-09-02T08:29:00Z"));
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00.000Z"))).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("forgets a confirmed draft", () => {
    keepDraft(localStorage, here, article);
    dropDraft(localStorage, here);
    expect(unsavedDraft(localStorage, here, stored("2000-01-01T00:00:00Z"))).toBeNull();
  });

  it("offers a draft typed on the stored revision, whatever the clocks say", () => {
    keepDraft(localStorage, here, article, new Date("2025-09-02T08:29:00Z"), 4);
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: false });
  });

  it("keeps a draft typed on an older revision as stale, for the user to decide", () => {
    keepDraft(localStorage, here, article, new Date("2025-09-02T08:29:00Z"), 3);
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: true });
    expect(localStorage.length).toBe(1);
  });

  it("discards a draft whose text the database already holds (the save completed)", () => {
    keepDraft(localStorage, here, article, new Date(), 3);
    const sameText = { body: [], title: ["未保存的标题"] };
    expect(unsavedDraft(localStorage, here, { article: sameText, savedAt: "2000-01-01T00:00:00Z", revision: 4 })).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("never offers a draft of another database's article of the same id", () => {
    keepDraft(localStorage, elsewhere, article, new Date("2025-09-02T08:29:00Z"), 4);
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00Z", 4))).toBeNull();
    expect(unsavedDraft(localStorage, elsewhere, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: false });
  });

  it("shows a draft kept before drafts knew their database for the user to judge, and moves it", () => {
    const old = { article, editedAt: "2025-09-02T08:29:00Z", baseRevision: 4 };
    localStorage.setItem("jianbao.draft.article.7", JSON.stringify(old));
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: true });
    expect(localStorage.getItem("jianbao.draft.article.7")).toBeNull();
    expect(unsavedDraft(localStorage, here, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ stale: true });
    dropDraft(localStorage, here);
    expect(localStorage.length).toBe(0);
  });

  it("forgets a draft of unknown database whose text is stored", () => {
    localStorage.setItem("jianbao.draft.article.7", JSON.stringify({ article, editedAt: "2025-09-02T08:29:00Z" }));
    expect(unsavedDraft(localStorage, here, { article, savedAt: "2000-01-01T00:00:00Z", revision: 2 })).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
