// The 供稿单位别名 section's form: rows of a name and the unit it counts as, edited in place.
import type { UnitAlias } from "../../generated/bindings";

export function blankAlias(): UnitAlias {
  return { alias: "", unit: "" };
}

/** Whether the rows differ from those stored, compared as they will be saved. */
export function aliasesChanged(rows: UnitAlias[], stored: UnitAlias[]): boolean {
  const trimmed = (list: UnitAlias[]) => JSON.stringify(list.map((row) => [row.alias.trim(), row.unit.trim()]));
  return trimmed(rows) !== trimmed(stored);
}

/** Rows left empty (added and never filled in) are not saved. */
export function aliasesForSaving(rows: UnitAlias[]): UnitAlias[] {
  return rows.filter((row) => row.alias.trim() !== "" || row.unit.trim() !== "");
}

/** The names found on articles that no row lists yet: the candidates to merge. */
export function unlistedUnits(units: string[], rows: UnitAlias[]): string[] {
  const listed = new Set(rows.flatMap((row) => [row.alias.trim(), row.unit.trim()]));
  return units.filter((unit) => !listed.has(unit));
}
