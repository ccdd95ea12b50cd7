// Saving a list edited row by row (the word list, the unit aliases): stored whole, or refused
// with each row's problem; when the save itself fails, the rows stay on the page to try again.
import type { RowProblem } from "../../generated/bindings";

export type RowListAnswer<View> = { outcome: "saved"; list: View } | { outcome: "refused"; problems: RowProblem[] };

export type RowListSave<View> =
  | { kind: "saved"; list: View }
  | { kind: "refused"; problems: RowProblem[] }
  | { kind: "failed"; message: string };

export async function saveRowList<View>(save: () => Promise<RowListAnswer<View>>): Promise<RowListSave<View>> {
  try {
    const answer = await save();
    if (answer.outcome === "refused") return { kind: "refused", problems: answer.problems };
    return { kind: "saved", list: answer.list };
  } catch (e) {
    return { kind: "failed", message: `${(e as { message: string }).message}。填写的内容仍在页面上，可以再次保存。` };
  }
}

/** What the page shows after saving `rows`: on a refusal the rows as sent, whose places the
 *  problems count (blank rows were left out of them); on success the stored list. */
export type RowListOutcome<Row, View> = {
  error: string | null;
  status: "idle" | "saved";
  refused?: { rows: Row[]; problems: RowProblem[] };
  list?: View;
};

export async function saveRows<Row, View>(
  rows: Row[],
  send: (rows: Row[]) => Promise<RowListAnswer<View>>,
): Promise<RowListOutcome<Row, View>> {
  const saved = await saveRowList(() => send(rows));
  switch (saved.kind) {
    case "saved":
      return { error: null, status: "saved", list: saved.list };
    case "refused":
      return { error: null, status: "idle", refused: { rows, problems: saved.problems } };
    case "failed":
      return { error: saved.message, status: "idle" };
  }
}
