// Converts between the domain `Article` (the JSON the backend stores) and the editor's
// ProseMirror document. `articleFromDoc(docFromArticle(a))` gives `a` back for every article
// the editor can produce; see article-doc.test.ts.
import type { Mark, Node } from "prosemirror-model";
import type { Article, Block, Inline } from "../../generated/bindings";
import { schema } from "./schema";

/** Attribution fields, edited outside the document (see schema.ts). */
export type Attribution = Pick<Article, "contributors" | "source">;

export function docFromArticle(article: Article): Node {
  const { nodes } = schema;
  const titles = article.title.length > 0 ? article.title : [""];
  const children: Node[] = titles.map((line) => nodes.title_line.create(null, textNodes(line)));
  if (article.subtitle !== undefined) children.push(nodes.subtitle.create(null, textNodes(article.subtitle)));
  if (article.byline !== undefined) children.push(nodes.byline.create(null, textNodes(article.byline)));
  if (article.editorNote?.length) children.push(nodes.editor_note.create(null, inlineNodes(article.editorNote)));
  const body = article.body.map(blockNode);
  children.push(...(body.length > 0 ? body : [nodes.paragraph.create()]));
  return nodes.doc.create(null, children);
}

export function articleFromDoc(doc: Node, attribution: Attribution): Article {
  const article: Article = { title: [], body: [] };
  doc.forEach((node) => {
    switch (node.type.name) {
      case "title_line":
        // An empty title line prints nothing; keeping it would print a blank line.
        if (node.textContent !== "") article.title.push(node.textContent);
        break;
      case "subtitle":
        if (node.textContent !== "") article.subtitle = node.textContent;
        break;
      case "byline":
        if (node.textContent !== "") article.byline = node.textContent;
        break;
      case "editor_note":
        if (node.textContent !== "") article.editorNote = inlinesOf(node);
        break;
      default: {
        const block = domainBlock(node);
        if (block) article.body.push(block);
      }
    }
  });
  if (attribution.contributors?.length) article.contributors = attribution.contributors;
  if (attribution.source) article.source = attribution.source;
  return article;
}

function blockNode(block: Block): Node {
  const { nodes } = schema;
  switch (block.type) {
    case "paragraph":
      return nodes.paragraph.create(null, inlineNodes(block.content));
    case "heading":
      return nodes.heading.create({ level: block.level }, inlineNodes(block.content));
    case "image":
      return nodes.image.create({ src: block.src }, textNodes(block.caption ?? ""));
  }
}

/** The domain block of a body node; an empty paragraph or heading prints nothing and is
 *  left out (the layout spaces paragraphs itself). */
function domainBlock(node: Node): Block | null {
  switch (node.type.name) {
    case "paragraph":
      return node.textContent === "" ? null : { type: "paragraph", content: inlinesOf(node) };
    case "heading":
      return node.textContent === ""
        ? null
        : { type: "heading", level: Number(node.attrs.level), content: inlinesOf(node) };
    case "image": {
      const image: Block = { type: "image", src: String(node.attrs.src) };
      if (node.textContent !== "") image.caption = node.textContent;
      return image;
    }
    default:
      return null;
  }
}

function textNodes(text: string): Node[] {
  return text === "" ? [] : [schema.text(text)];
}

function inlineNodes(inlines: Inline[]): Node[] {
  return inlines.filter((inline) => inline.text !== "").map((inline) => schema.text(inline.text, marksOf(inline)));
}

function marksOf(inline: Inline): Mark[] {
  const { marks } = schema;
  const found: Mark[] = [];
  if (inline.bold) found.push(marks.bold.create());
  if (inline.suggestion) {
    const { kind, id, author, at } = inline.suggestion;
    found.push(marks[kind].create({ id, author, at }));
  }
  for (const id of inline.comments ?? []) found.push(marks.comment.create({ id }));
  return found;
}

function inlinesOf(node: Node): Inline[] {
  const inlines: Inline[] = [];
  node.forEach((child) => {
    const inline = inlineOf(child);
    const last = inlines[inlines.length - 1];
    // ProseMirror merges equal neighbours already; this also merges across marks the domain
    // does not keep.
    if (last && sameStyle(last, inline)) last.text += inline.text;
    else inlines.push(inline);
  });
  return inlines;
}

function inlineOf(child: Node): Inline {
  const inline: Inline = { text: child.text ?? "" };
  const comments: string[] = [];
  for (const mark of child.marks) {
    const name = mark.type.name;
    if (name === "bold") inline.bold = true;
    else if (name === "insertion" || name === "deletion") {
      const { id, author, at } = mark.attrs as { id: number | string; author: string; at: string };
      inline.suggestion = { kind: name, id: Number(id), author, at };
    } else if (name === "comment") comments.push(String(mark.attrs.id));
  }
  if (comments.length > 0) inline.comments = comments.sort();
  return inline;
}

function sameStyle(a: Inline, b: Inline): boolean {
  const key = (inline: Inline) => JSON.stringify([Boolean(inline.bold), inline.suggestion ?? null, inline.comments ?? []]);
  return key(a) === key(b);
}
