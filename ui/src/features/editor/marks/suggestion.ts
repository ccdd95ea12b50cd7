import { deletion as trackedDeletion, insertion as trackedInsertion, modification } from "@handlewithcare/prosemirror-suggest-changes";
import type { DOMOutputSpec, Mark, MarkSpec } from "prosemirror-model";

/** The suggest-changes library's insertion and deletion marks (`Inline.suggestion`), with who
 *  suggested the change and when. The library creates its marks with an id only; the
 *  `suggestionAuthors` plugin fills these in (see review/suggesting.ts). */
function withAuthor(spec: MarkSpec, what: string): MarkSpec {
  return {
    ...spec,
    attrs: { ...spec.attrs, author: { default: "", validate: "string" }, at: { default: "", validate: "string" } },
    toDOM(mark: Mark, inline: boolean): DOMOutputSpec {
      const [tag, attrs, hole] = spec.toDOM!(mark, inline) as [string, Record<string, string>, 0];
      const author = String(mark.attrs.author);
      return [tag, { ...attrs, "data-author": author, title: author ? `${author}建议${what}` : `建议${what}` }, hole];
    },
  };
}

export const insertion = withAuthor(trackedInsertion, "插入");
export const deletion = withAuthor(trackedDeletion, "删除");
/** Attribute changes are never suggested here (see review/suggesting.ts), but the library's
 *  commands look the mark type up by name. */
export { modification };
