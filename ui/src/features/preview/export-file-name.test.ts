import { describe, expect, it } from "vitest";
import { exportFileName, exportKind } from "./export-file-name";

describe("exportFileName", () => {
  it("names the publication, year and issue, and says a signed issue's file is the final one", () => {
    expect(exportFileName({ publicationName: "联络动态", year: 2025, issueLabel: "第13期", status: "signedOff" })).toBe(
      "联络动态2025年第13期（定稿）.pdf",
    );
  });

  it("names a proof by its round", () => {
    expect(exportFileName({ publicationName: "联络动态", year: 2025, issueLabel: "第13期", status: "secondProof" })).toBe(
      "联络动态2025年第13期（二校校样）.pdf",
    );
  });

  it("never suggests a name the file system refuses", () => {
    expect(exportFileName({ publicationName: "联络/动态", year: 2025, issueLabel: "增刊第1期", status: "signedOff" })).toBe(
      "联络＿动态2025年增刊第1期（定稿）.pdf",
    );
  });
});

describe("exportKind", () => {
  it("exports the final PDF only once signed off; before that a proof of the issue's round", () => {
    expect(exportKind("signedOff")).toEqual({ final: true, label: "定稿" });
    expect(exportKind("thirdProof")).toEqual({ final: false, label: "三校校样", proofRound: 3 });
    expect(exportKind("awaitingSignOff")).toEqual({ final: false, label: "三校校样", proofRound: 3 });
    expect(exportKind("draft")).toEqual({ final: false, label: "一校校样", proofRound: 1 });
  });
});
