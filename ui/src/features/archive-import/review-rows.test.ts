import { describe, expect, it } from "vitest";
import type { ArchiveEntry, ArchiveStatus, MissingField } from "../../generated/bindings";
import { attribution, choicesOf, countsLine, fillOf, importable, notImported, parseCount, recognised, rowsOf, stillNeeded } from "./review-rows";

function entry(file: string, status: ArchiveStatus, missing: MissingField[] = [], problems: string[] = []): ArchiveEntry {
  return {
    file,
    status,
    missing,
    problems,
    articles: [],
    hasEditorNote: false,
    masthead: status === "failed" ? undefined : { supplement: false, number: missing.includes("number") ? undefined : 4, totalNumber: missing.includes("totalNumber") ? undefined : 52, date: "2017-04-18", editingUnit: "县农业农村局" },
  };
}

const review = {
  entries: [
    entry("a.txt", "ready"),
    entry("b.txt", "needsInput", ["number", "totalNumber"], ["没有找到期号（第N期）、总期号（总第X期），需要补充后才能导入"]),
    entry("c.txt", "duplicate", [], ["总第51期已在数据库中（期刊 1），未重复导入"]),
    entry("d.pdf", "failed", [], ["“d.pdf”不是有效的 PDF 文件"]),
  ],
};

describe("the archive review rows", () => {
  it("offers ready and needs-input files for import, never duplicates or unreadable files", () => {
    expect(review.entries.map(importable)).toEqual([true, true, false, false]);
    expect(rowsOf(review).map((row) => row.chosen)).toEqual([true, true, false, false]);
  });

  it("reads counts in ASCII or full-width digits from 1 on, and nothing else", () => {
    expect(parseCount(" 12 ")).toBe(12);
    expect(parseCount("１２")).toBe(12);
    expect(parseCount("0")).toBeNull();
    expect(parseCount("十二")).toBeNull();
    expect(parseCount("3.5")).toBeNull();
    expect(parseCount("")).toBeNull();
  });

  it("keeps a needs-input row waiting until every missing field is given", () => {
    const rows = rowsOf(review);
    const lacking = rows[1]!;
    expect(stillNeeded(lacking)).toContain("期号、总期号");
    expect(choicesOf(rows)).toEqual({ choices: [{ file: "a.txt", fill: {} }], waiting: ["b.txt"] });

    lacking.number = "5";
    expect(stillNeeded(lacking)).toContain("请填写总期号");
    lacking.totalNumber = "５３";
    expect(stillNeeded(lacking)).toBeNull();
    expect(choicesOf(rows).choices).toEqual([{ file: "a.txt", fill: {} }, { file: "b.txt", fill: { number: 5, totalNumber: 53 } }]);
  });

  it("sends only the missing fields, so a masthead's own values are never overwritten", () => {
    const [ready] = rowsOf(review);
    ready!.number = "9";
    ready!.date = "2020-01-01";
    expect(fillOf(ready!)).toEqual({});
  });

  it("leaves a skipped row out, even when it still lacks fields", () => {
    const rows = rowsOf(review);
    rows[1]!.chosen = false;
    expect(choicesOf(rows)).toEqual({ choices: [{ file: "a.txt", fill: {} }], waiting: [] });
  });

  it("counts the rows per status in one line", () => {
    expect(countsLine(review.entries)).toBe("共 4 个文件：可导入 1，需补充 1，重复 1，无法读取 1");
  });

  it("tells why each file was not imported: skipped, refused by the import, or never importable", () => {
    const rows = rowsOf(review);
    rows[1]!.chosen = false;
    const commit = { imported: [{ file: "a.txt", issueId: 7 }], failed: [] };
    expect(notImported(rows, commit)).toEqual([
      { file: "b.txt", reason: "未勾选，已跳过" },
      { file: "c.txt", reason: "总第51期已在数据库中（期刊 1），未重复导入" },
      { file: "d.pdf", reason: "“d.pdf”不是有效的 PDF 文件" },
    ]);
    const refused = { imported: [], failed: [{ file: "a.txt", message: "数据库拒绝了这一期" }] };
    expect(notImported(rows, refused)[0]).toEqual({ file: "a.txt", reason: "数据库拒绝了这一期" });
  });

  it("shows what the masthead printed and nothing where it printed nothing", () => {
    expect(recognised(review.entries[0]!)).toEqual({ number: "第4期", total: "总第52期", date: "2017年4月18日", unit: "县农业农村局" });
    expect(recognised(review.entries[1]!)).toMatchObject({ number: null, total: null });
    expect(recognised(review.entries[3]!)).toEqual({ number: null, total: null, date: null, unit: null });
  });

  it("writes an article's attribution as the bulletin prints it", () => {
    expect(attribution({ title: "t", contributors: ["溪口镇人民政府", "县茶叶办"], blocks: 2 })).toBe("（溪口镇人民政府、县茶叶办 供稿）");
    expect(attribution({ title: "t", contributors: [], source: "《湖南日报》", blocks: 2 })).toBe("（摘编自《湖南日报》）");
  });
});
