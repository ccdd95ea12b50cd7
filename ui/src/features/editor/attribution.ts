// The attribution line's fields: contributing units typed as one line (`甲单位、乙单位`).

/** Splits the typed units on the separators editors use. */
export function parseContributors(text: string): string[] {
  return text
    .split(/[、，,；;]/u)
    .map((unit) => unit.trim())
    .filter((unit) => unit !== "");
}

export function formatContributors(units: string[] | undefined): string {
  return (units ?? []).join("、");
}
