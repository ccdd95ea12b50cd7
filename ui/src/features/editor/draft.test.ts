import { beforeEach, describe, expect, it } from "vitest";
import { dropDraft, keepDraft, unsavedDraft } from "./draft";

const article = { title: ["未保存的标题"], body: [] };

describe("local drafts", () => {
  beforeEach(() => localStorage.clear());

  it("offers a draft newer than the stored article", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:31:00Z"));
    expect(unsavedDraft(localStorage, 7, "2025-09-02T08:30:00.000Z")?.article).toEqual(article);
  });

  it("discards a draft older than the stored article (the save did complete)", () => {
    keepDraft(localStorage, 7, article, new Date("2025-09-02T08:29:00Z"));
    expect(unsavedDraft(localStorage, 7, "2025-09-02T08:30:00.000Z")).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("forgets a confirmed draft", () => {
    keepDraft(localStorage, 7, article);
    dropDraft(localStorage, 7);
    expect(unsavedDraft(localStorage, 7, "2000-01-01T00:00:00Z")).toBeNull();
  });
});
