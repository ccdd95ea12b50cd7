import { describe, expect, it } from "vitest";
import type { Publication } from "../../generated/bindings";
import { blankNumberProblems, forSaving, messagesByField, moveItem } from "./settings-form";

function publication(): Publication {
  return {
    name: "联络动态",
    editingUnits: [{ name: "湖南省人大常委会代表工作委员会", effectiveFrom: "2018-01-01" }],
    layout: {
      pageWidthMm: 210, pageHeightMm: 297, marginTopMm: 37, marginLeftMm: 28, marginRightMm: 26,
      marginBottomMm: 35, bodySizePt: 16, charsPerLine: 28, linesPerPage: 22, mastheadNameSizePt: 48,
      mastheadTotalPlacement: "nextLine", mastheadNameTrackingEm: 0.25, mastheadRuleGapMm: 4, titleSizePt: 22, compression: "fullWidth", redCmyk: [0, 80, 80, 0],
      blackAsK100: true, numberFirstPage: true, padToEvenPages: false, articleStartsNewPage: false, fillTextBlock: true,
      pdfX1a: false, contentsLineSeparator: "",
      fonts: {
        display: { source: "bundled", role: "display" }, body: { source: "bundled", role: "body" },
        hei: { source: "bundled", role: "hei" }, kai: { source: "bundled", role: "kai" },
        fallback: { source: "bundled", role: "fallback" },
      },
    },
    footer: {
      recipientsLabel: "song", recipients: ["省人民政府办公厅"], responsibleEditor: "汤建",
      phone: "0731-85309319", email: "hnrdlgwxrc@163.com", approvalNumber: "湘党简准字〔2000〕第28号",
    },
  };
}

describe("settings form", () => {
  it("keeps the first message of each field", () => {
    const messages = messagesByField([
      { field: "footer.email", message: "甲" },
      { field: "footer.email", message: "乙" },
      { field: "name", message: "丙" },
    ]);
    expect(messages).toEqual({ "footer.email": "甲", name: "丙" });
  });

  it("names an emptied measurement instead of sending it", () => {
    const typed = publication();
    (typed.layout as unknown as Record<string, unknown>).marginTopMm = null;
    typed.layout.redCmyk[1] = Number.NaN;
    expect(blankNumberProblems(typed)).toEqual([
      { field: "layout.marginTopMm", message: "请填写天头（上边距）" },
      { field: "layout.redCmyk.1", message: "请填写 0～100 的数" },
    ]);
    expect(blankNumberProblems(publication())).toEqual([]);
  });

  it("sends an emptied print run as none, without touching the form", () => {
    const typed = publication();
    (typed.footer as unknown as Record<string, unknown>).printRun = null;
    expect("printRun" in forSaving(typed).footer).toBe(false);
    expect("printRun" in typed.footer).toBe(true);
    typed.footer.printRun = 300;
    expect(forSaving(typed).footer.printRun).toBe(300);
  });

  it("moves a recipient up and down within the list", () => {
    expect(moveItem(["甲", "乙", "丙"], 2, -1)).toEqual(["甲", "丙", "乙"]);
    expect(moveItem(["甲", "乙", "丙"], 0, -1)).toEqual(["甲", "乙", "丙"]);
    expect(moveItem(["甲", "乙", "丙"], 0, 1)).toEqual(["乙", "甲", "丙"]);
  });
});
