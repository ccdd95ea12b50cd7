// The 供稿 chart's data: one horizontal bar per unit (the names are long and read across), its
// segments the periods of the table (years, or the quarters of one year), the units with the
// most articles first. The table below the chart lists every unit; the chart the first ones.
import type { ContributionTable } from "../../generated/bindings";

/** Units shown in the chart; more would make each bar too thin to read. */
export const CHART_UNITS = 15;

// The bulletin's red first, then quieter tones that stay apart in print and on screen.
const COLOURS = ["#c8281e", "#d9822b", "#4a7c59", "#3d6a9e", "#7b5ea7", "#8c8c8c", "#b5651d", "#2f8f8f"];

export type ChartSeries = {
  labels: string[];
  datasets: { label: string; data: number[]; backgroundColor: string }[];
};

export function chartSeries(table: ContributionTable, units = CHART_UNITS): ChartSeries {
  const shown = table.units.slice(0, units);
  return {
    labels: shown.map((unit) => unit.unit),
    datasets: table.periods.map((period, column) => ({
      label: period.label,
      data: shown.map((unit) => unit.counts[column] ?? 0),
      backgroundColor: COLOURS[column % COLOURS.length]!,
    })),
  };
}

/** The chart's height: enough room for each bar's label, whatever the number of units. */
export function chartHeight(units: number): number {
  return Math.max(160, Math.min(units, CHART_UNITS) * 28 + 60);
}
