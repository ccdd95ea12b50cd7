import { describe, expect, it } from "vitest";
import { DOMParser as PmDomParser } from "prosemirror-model";
import { cleanPastedHtml } from "./paste";
import { schema } from "./schema";
import { b, p } from "./test-builder";

const IDEOGRAPHIC_SPACES = "\u3000\u3000";

// Shaped like what Word and WPS put on the clipboard (trimmed).
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; font-family:仿宋_GB2312;} --></style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;color:red'>${IDEOGRAPHIC_SPACES}县委将代表工作<b style='mso-bidi-font-weight:normal'>纳入</b>全局。<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span style='font-family:黑体'>第二段<i>倾斜</i>文字。</span><![if !supportLineBreakNewLine]><br><![endif]></p>
<!--EndFragment--></body></html>`;

function parse(html: string) {
  const dom = document.createElement("div");
  dom.innerHTML = cleanPastedHtml(html);
  return PmDomParser.fromSchema(schema).parseSlice(dom).content;
}

describe("paste cleaning", () => {
  it("turns Word HTML into plain paragraphs, keeping only bold", () => {
    const content = parse(WORD_HTML);
    const paragraphs: string[] = [];
    content.forEach((node) => paragraphs.push(node.type.name));
    expect(paragraphs).toEqual(["paragraph", "paragraph"]);
    expect(content.child(0).eq(p("县委将代表工作", b("纳入"), "全局。"))).toBe(true);
    expect(content.child(1).textContent).toBe("第二段倾斜文字。");
  });

  it("drops style blocks, comments and Word's empty-paragraph markers", () => {
    const cleaned = cleanPastedHtml(WORD_HTML);
    expect(cleaned).not.toMatch(/mso-style-parent|StartFragment|o:p/i);
  });

  it("keeps web paragraphs and divs as paragraphs and ignores Google Docs' non-bold <b>", () => {
    const content = parse(`<b style="font-weight:normal" id="docs-internal-guid-1"><p>甲</p><div>乙</div></b>`);
    expect(content.childCount).toBe(2);
    expect(content.child(0).eq(p("甲"))).toBe(true);
    expect(content.child(1).eq(p("乙"))).toBe(true);
  });
});
