import { beforeEach, describe, expect, it } from "vitest";
import { dropDraft, keepDraft, unsavedDraft } from "./draft";

const article = { title: ["未保存的标题"], body: [] };
const stored = (savedAt: string, revision = 1) => ({ article: { title: ["已保存的标题"], body: [] }, savedAt, revision });

describe("local drafts", () => {
  beforeEach(() => localStorage.clear());

  it("offers a draft newer than the stored article", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:31:00Z"));
    expect(unsavedDraft(localStorage, 7, stored("2025-09-02T08:30:00.000Z"))?.article).toEqual(article);
  });

  it("discards a draft older than the stored article (the save did complete)", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:29:00Z"));
    expect(unsavedDraft(localStorage, 7, stored("2025-09-02T08:30:00.000Z"))).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("forgets a confirmed draft", () => {
    keepDraft(localStorage, 7, article);
    dropDraft(localStorage, 7);
    expect(unsavedDraft(localStorage, 7, stored("2000-01-01T00:00:00Z"))).toBeNull();
  });

  it("offers a draft typed on the stored revision, whatever the clocks say", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:29:00Z"), 4);
    expect(unsavedDraft(localStorage, 7, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: false });
  });

  it("keeps a draft typed on an older revision as stale, for the user to decide", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:29:00Z"), 3);
    expect(unsavedDraft(localStorage, 7, stored("2025-09-02T08:30:00Z", 4))).toMatchObject({ article, stale: true });
    expect(localStorage.length).toBe(1);
  });

  it("discards a draft whose text the database already holds (the save completed)", () => {
    keepDraft(localStorage, 7, article, new Date(), 3);
    const sameText = { body: [], title: ["未保存的标题"] };
    expect(unsavedDraft(localStorage, 7, { article: sameText, savedAt: "2000-01-01T00:00:00Z", revision: 4 })).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
