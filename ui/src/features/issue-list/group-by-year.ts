import type { IssueSummary } from "../../generated/bindings";

export type YearGroup = { year: number; issues: IssueSummary[] };

/** Issues grouped by year, newest year first, keeping the backend's order inside a year. */
export function groupByYear(issues: IssueSummary[]): YearGroup[] {
  const groups = new Map<number, IssueSummary[]>();
  for (const issue of issues) {
    const group = groups.get(issue.year) ?? [];
    group.push(issue);
    groups.set(issue.year, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, group]) => ({ year, issues: group }));
}
