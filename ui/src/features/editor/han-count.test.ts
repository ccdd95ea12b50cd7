import { describe, expect, it } from "vitest";
import { articleHanCount, countHan } from "./han-count";

describe("Han character count", () => {
  it("counts ideographs only, as Rust's count_han does", () => {
    expect(countHan("2025年“三会三文”，")).toBe(5);
    expect(countHan("ABC 123 。，、")).toBe(0);
    expect(countHan("㐀䶵")).toBe(2);
  });

  it("counts title, furniture, 编者按 and body of an article but not the attribution", () => {
    const count = articleHanCount({
      title: ["会同县", "新闻"],
      subtitle: "——副题",
      byline: "记者",
      editorNote: [{ text: "按语", bold: true }],
      body: [
        { type: "heading", level: 1, content: [{ text: "一、纳入" }] },
        { type: "paragraph", content: [{ text: "县委将" }] },
        { type: "image", src: "data:x", caption: "图注" },
      ],
      contributors: ["会同县人大常委会"],
    });
    expect(count).toBe(5 + 2 + 2 + 2 + 3 + 3 + 2);
  });
});
