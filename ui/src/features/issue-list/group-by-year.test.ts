import { describe, expect, it } from "vitest";
import type { IssueSummary } from "../../generated/bindings";
import { groupByYear } from "./group-by-year";

function issue(id: number, year: number): IssueSummary {
  return {
    id,
    kind: "regular",
    year,
    number: id,
    totalNumber: 700 + id,
    date: `${year}-01-01`,
    status: "draft",
    articleCount: 0,
    firstTitle: null,
    issueLabel: `第${id}期`,
    totalLabel: "",
    dateLabel: "",
    statusLabel: "草稿",
  };
}

describe("groupByYear", () => {
  it("puts the newest year first and keeps the order within a year", () => {
    const groups = groupByYear([issue(3, 2024), issue(2, 2025), issue(1, 2025)]);
    expect(groups.map((g) => g.year)).toEqual([2025, 2024]);
    expect(groups[0]?.issues.map((i) => i.id)).toEqual([2, 1]);
  });

  it("gives no groups for no issues", () => {
    expect(groupByYear([])).toEqual([]);
  });
});
