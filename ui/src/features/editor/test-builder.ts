// Builds documents from the real schema for tests: `doc(title("标题"), p("正文", b("加粗")))`.
import type { Node } from "prosemirror-model";
import { schema } from "./schema";

type Child = string | Node;

function children(content: Child[]): Node[] {
  return content.filter((c) => c !== "").map((c) => (typeof c === "string" ? schema.text(c) : c));
}

export const doc = (...content: Node[]) => schema.nodes.doc.create(null, content);
export const title = (...c: Child[]) => schema.nodes.title_line.create(null, children(c));
export const subtitle = (...c: Child[]) => schema.nodes.subtitle.create(null, children(c));
export const byline = (...c: Child[]) => schema.nodes.byline.create(null, children(c));
export const note = (...c: Child[]) => schema.nodes.editor_note.create(null, children(c));
export const p = (...c: Child[]) => schema.nodes.paragraph.create(null, children(c));
export const h = (level: number, ...c: Child[]) => schema.nodes.heading.create({ level }, children(c));
export const img = (src: string, ...c: Child[]) => schema.nodes.image.create({ src }, children(c));
export const b = (text: string) => schema.text(text, [schema.marks.bold.create()]);
