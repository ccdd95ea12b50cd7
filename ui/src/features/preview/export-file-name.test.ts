import { describe, expect, it } from "vitest";
import { exportFileName } from "./export-file-name";

describe("exportFileName", () => {
  it("names the publication, year and issue", () => {
    expect(exportFileName({ publicationName: "联络动态", year: 2025, issueLabel: "第13期" })).toBe(
      "联络动态2025年第13期.pdf",
    );
  });

  it("never suggests a name the file system refuses", () => {
    expect(exportFileName({ publicationName: "联络/动态", year: 2025, issueLabel: "增刊第1期" })).toBe(
      "联络＿动态2025年增刊第1期.pdf",
    );
  });
});
