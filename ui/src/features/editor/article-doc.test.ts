import { describe, expect, it } from "vitest";
import type { Article } from "../../generated/bindings";
import fixture from "../../../../tests/fixtures/lianluo-2025-13.json";
import { articleFromDoc, docFromArticle } from "./article-doc";
import { b, byline, doc, h, img, note, p, subtitle, title } from "./test-builder";

const roundTrip = (article: Article) => articleFromDoc(docFromArticle(article), article);

describe("article ↔ editor document", () => {
  it("gives back every article of the 2025-13 fixture unchanged", () => {
    const articles = (fixture as { issue: { articles: Article[] } }).issue.articles;
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(roundTrip(article)).toEqual(article);
  });

  it("gives back every field: furniture, bold runs, heading levels, image captions", () => {
    const article: Article = {
      title: ["第一行", "第二行"],
      subtitle: "——副题",
      byline: "张三 李四",
      editorNote: [{ text: "按语" }, { text: "重点", bold: true }],
      body: [
        { type: "heading", level: 2, content: [{ text: "（一）标题" }] },
        { type: "paragraph", content: [{ text: "正文" }, { text: "粗", bold: true }, { text: "。" }] },
        { type: "image", src: "data:image/png;base64,AAAA", caption: "图注" },
        { type: "image", src: "data:image/png;base64,BBBB" },
      ],
      contributors: ["甲单位", "乙单位"],
      source: "《湖南日报》",
    };
    expect(roundTrip(article)).toEqual(article);
  });

  it("gives back suggestions with their author and time, and comment anchors", () => {
    const suggestion = { id: 3, author: "李校对", at: "2026-11-23T10:00:00.000Z" };
    const article: Article = {
      title: ["标题"],
      editorNote: [{ text: "按语", comments: ["t1"] }],
      body: [
        {
          type: "paragraph",
          content: [
            { text: "截至" },
            { text: "10月", suggestion: { kind: "insertion", ...suggestion } },
            { text: "十月", suggestion: { kind: "deletion", ...suggestion, id: 4 } },
            { text: "底", bold: true, comments: ["t1", "t2"] },
          ],
        },
      ],
    };
    expect(roundTrip(article)).toEqual(article);
  });

  it("builds the document the schema describes, in print order", () => {
    const article: Article = {
      title: ["标题"],
      subtitle: "副题",
      byline: "作者",
      editorNote: [{ text: "按", bold: true }],
      body: [{ type: "heading", level: 1, content: [{ text: "一、" }] }, { type: "image", src: "data:x", caption: "注" }],
    };
    const expected = doc(title("标题"), subtitle("副题"), byline("作者"), note(b("按")), h(1, "一、"), img("data:x", "注"));
    expect(docFromArticle(article).eq(expected)).toBe(true);
  });

  it("opens a blank article as one empty title line and one empty paragraph, and saves it blank", () => {
    const blank: Article = { title: [], body: [] };
    const opened = docFromArticle(blank);
    expect(opened.eq(doc(title(), p()))).toBe(true);
    expect(articleFromDoc(opened, {})).toEqual(blank);
  });

  it("leaves out empty title lines and paragraphs, which would print as blank lines", () => {
    const edited = doc(title("标题"), title(), p("甲"), p(), h(2), p("乙"));
    expect(articleFromDoc(edited, {}).title).toEqual(["标题"]);
    expect(articleFromDoc(edited, {}).body).toEqual([
      { type: "paragraph", content: [{ text: "甲" }] },
      { type: "paragraph", content: [{ text: "乙" }] },
    ]);
  });
});
