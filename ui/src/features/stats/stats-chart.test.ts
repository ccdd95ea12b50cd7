import { describe, expect, it } from "vitest";
import type { ContributionTable } from "../../generated/bindings";
import { chartHeight, chartSeries } from "./stats-chart";

const table: ContributionTable = {
  periods: [
    { year: 2024, quarter: null, label: "2024年" },
    { year: 2025, quarter: null, label: "2025年" },
  ],
  units: [
    { unit: "会同县人大常委会", names: [], counts: [3, 1], total: 4 },
    { unit: "怀化市人大常委会", names: [], counts: [1, 0], total: 1 },
    { unit: "靖州县人大常委会", names: [], counts: [0, 1], total: 1 },
  ],
  articles: 5,
};

describe("chartSeries", () => {
  it("makes one bar per unit and one segment per period", () => {
    const series = chartSeries(table);
    expect(series.labels).toEqual(["会同县人大常委会", "怀化市人大常委会", "靖州县人大常委会"]);
    expect(series.datasets.map((d) => [d.label, d.data])).toEqual([
      ["2024年", [3, 1, 0]],
      ["2025年", [1, 0, 1]],
    ]);
    expect(series.datasets[0]!.backgroundColor).not.toBe(series.datasets[1]!.backgroundColor);
  });

  it("keeps the units with the most articles when there are too many", () => {
    const series = chartSeries(table, 2);
    expect(series.labels).toEqual(["会同县人大常委会", "怀化市人大常委会"]);
    expect(series.datasets[1]!.data).toEqual([1, 0]);
  });
});

describe("chartHeight", () => {
  it("grows with the units up to the chart's limit", () => {
    expect(chartHeight(1)).toBe(160);
    expect(chartHeight(10)).toBe(340);
    expect(chartHeight(100)).toBe(chartHeight(15));
  });
});
