// Cleans HTML pasted from Word, WPS or a web page before ProseMirror parses it. The schema
// already drops every formatting it has no mark for (fonts, colours, sizes); this removes
// what would otherwise become text or empty paragraphs: Office's conditional comments,
// <style>/<meta> blocks, <o:p> placeholders, and the full-width spaces typed as indents.

const NOISE = "style, meta, link, script, title, xml, o\\:p";
const BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote";

export function cleanPastedHtml(html: string): string {
  const dom = new DOMParser().parseFromString(html, "text/html");
  removeComments(dom.body);
  // <o:p> is Word's empty-paragraph marker; querySelector cannot name a namespaced tag.
  for (const node of Array.from(dom.body.querySelectorAll("*"))) {
    if (node.matches(NOISE) || node.tagName.toLowerCase() === "o:p") node.remove();
  }
  for (const block of Array.from(dom.body.querySelectorAll(BLOCKS))) {
    trimLeadingIndent(block);
    if (block.textContent?.trim() === "" && !block.querySelector("img")) block.remove();
  }
  return dom.body.innerHTML;
}

function removeComments(root: Node) {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Chinese manuscripts indent paragraphs with two full-width spaces; the layout indents by
 *  itself, so typed indents are removed. */
function trimLeadingIndent(block: Element) {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    text.data = text.data.replace(/^[\s\u3000\u00a0]+/u, "");
    if (text.data !== "") return;
  }
}
