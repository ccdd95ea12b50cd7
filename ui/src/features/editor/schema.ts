import { Schema } from "prosemirror-model";
import { bold } from "./marks/bold";
import { comment } from "./marks/comment";
import { deletion, insertion, modification } from "./marks/suggestion";
import { byline } from "./nodes/byline";
import { editorNote } from "./nodes/editor-note";
import { heading } from "./nodes/heading";
import { image } from "./nodes/image";
import { paragraph } from "./nodes/paragraph";
import { subtitle } from "./nodes/subtitle";
import { titleLine } from "./nodes/title-line";

/** The editor's document mirrors the domain `Article` (src-tauri/src/domain/article.rs):
 *  title lines, then the optional subtitle, byline and 编者按 in print order, then the body.
 *  The attribution line (contributors, source) is edited in plain fields under the editor. */
export const schema = new Schema({
  nodes: {
    doc: { content: "title_line+ subtitle? byline? editor_note? block+" },
    title_line: titleLine,
    subtitle,
    byline,
    editor_note: editorNote,
    // The first block-group node is what Enter creates after a heading: a paragraph.
    paragraph,
    heading,
    image,
    text: { group: "inline" },
  },
  // Suggestions and comment anchors live in the body and the 编者按 only (see nodes/).
  marks: { bold, insertion, deletion, modification, comment },
});
