import { describe, expect, it } from "vitest";
import { DOMParser as PmDomParser, DOMSerializer } from "prosemirror-model";
import { schema } from "./schema";
import { b, doc, h, img, note, p, title } from "./test-builder";

function reparse(node: ReturnType<typeof doc>) {
  const dom = document.createElement("div");
  dom.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(node.content));
  return PmDomParser.fromSchema(schema).parse(dom);
}

describe("editor schema", () => {
  it("requires a title line before the body", () => {
    expect(() => doc(p("正文")).check()).toThrow();
    expect(() => doc(title("标题"), p("正文")).check()).not.toThrow();
  });

  it("keeps furniture in print order and at most once", () => {
    expect(() => doc(title("标"), note("按"), note("按"), p()).check()).toThrow();
    expect(() => doc(title("标"), p("正文"), note("按")).check()).toThrow();
  });

  it("allows bold in the body and 编者按 but not in title lines", () => {
    expect(() => doc(title("标"), note(b("按")), p(b("粗")), h(1, b("一、"))).check()).not.toThrow();
    expect(() => doc(title(b("标")), p()).check()).toThrow();
  });

  it("renders every node to DOM and parses it back to the same document", () => {
    const original = doc(title("标题"), note("按", b("语")), h(3, "1.小标题"), p("正文", b("重点")), img("data:image/png;base64,AA", "图注"));
    expect(reparse(original).eq(original)).toBe(true);
  });

  it("renders heading levels 1-3 as h2-h4, leaving h1 to the title", () => {
    const dom = DOMSerializer.fromSchema(schema).serializeNode(h(2, "（一）"));
    expect((dom as HTMLElement).tagName).toBe("H3");
  });
});
