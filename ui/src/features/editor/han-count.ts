import type { Article, Block } from "../../generated/bindings";

// CJK unified ideographs, basic block and extension A: the same set as `count_han` in
// src-tauri/src/domain/article.rs, so the editor and the issue list agree.
const HAN = /[\u4E00-\u9FFF\u3400-\u4DBF]/gu;

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** 字数 of an article: title, subtitle, byline, 编者按 and body (captions included); the
 *  attribution line is not counted, as in `Article::han_count`. */
export function articleHanCount(article: Article): number {
  const furniture = [...article.title, article.subtitle ?? "", article.byline ?? ""];
  const note = (article.editorNote ?? []).map((inline) => inline.text);
  const body = article.body.map(blockText);
  return [...furniture, ...note, ...body].reduce((sum, text) => sum + countHan(text), 0);
}

function blockText(block: Block): string {
  return block.type === "image" ? (block.caption ?? "") : block.content.map((inline) => inline.text).join("");
}
