import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../generated/bindings";
import { articleText, copyText, isConflict } from "./conflict";

const article: Article = {
  title: ["代表工作", "新进展"],
  byline: "汤建",
  body: [
    { type: "paragraph", content: [{ text: "第一段" }, { text: "删掉的", suggestion: { kind: "deletion", id: 1, author: "刘洋", at: "" } }] },
    { type: "heading", level: 1, content: [{ text: "一、小标题" }] },
  ],
  contributors: ["长沙市人大常委会", "株洲市人大常委会"],
};

describe("the conflict panel's text", () => {
  it("is the article line by line, as it would read with the suggestions accepted", () => {
    expect(articleText(article)).toBe("代表工作\n新进展\n汤建\n第一段\n一、小标题\n（长沙市人大常委会、株洲市人大常委会供稿）");
  });

  it("tells a stale-revision refusal from other failures", () => {
    expect(isConflict({ code: "conflict", message: "…" })).toBe(true);
    expect(isConflict({ code: "unavailable", message: "…" })).toBe(false);
    expect(isConflict(new Error("conflict"))).toBe(false);
  });

  it("copies to the clipboard and says when the browser refused", async () => {
    const writeText = vi.fn(async () => {});
    expect(await copyText("我的文字", { writeText })).toBe(true);
    expect(writeText).toHaveBeenCalledWith("我的文字");
    expect(await copyText("我的文字", { writeText: async () => Promise.reject(new Error("denied")) })).toBe(false);
  });
});
