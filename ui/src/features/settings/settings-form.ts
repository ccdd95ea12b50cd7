// The settings form's logic: which fields are numbers, what an emptied number means, and how
// the backend's field problems reach the fields. The rules themselves live in Rust.
import type { FieldProblem, FontRole, LayoutProfile, Publication } from "../../generated/bindings";

type NumberKey = {
  [K in keyof LayoutProfile]: LayoutProfile[K] extends number ? K : never;
}[keyof LayoutProfile];

export type NumberField = { key: NumberKey; label: string; unit: string; step: number };

/** The measurements of the layout profile, in the order DESIGN.md §2 gives them. */
export const LAYOUT_NUMBERS: NumberField[] = [
  { key: "pageWidthMm", label: "纸张宽度", unit: "毫米", step: 1 },
  { key: "pageHeightMm", label: "纸张高度", unit: "毫米", step: 1 },
  { key: "marginTopMm", label: "天头（上边距）", unit: "毫米", step: 0.5 },
  { key: "marginBottomMm", label: "下边距", unit: "毫米", step: 0.5 },
  { key: "marginLeftMm", label: "订口（左边距）", unit: "毫米", step: 0.5 },
  { key: "marginRightMm", label: "右边距", unit: "毫米", step: 0.5 },
  { key: "bodySizePt", label: "正文字号", unit: "磅（三号 = 16）", step: 0.5 },
  { key: "charsPerLine", label: "每行字数", unit: "字", step: 1 },
  { key: "linesPerPage", label: "每页行数", unit: "行", step: 1 },
  { key: "mastheadNameSizePt", label: "报名字号", unit: "磅", step: 1 },
  { key: "mastheadNameTrackingEm", label: "报名字距", unit: "字（约 0.25）", step: 0.05 },
  { key: "mastheadRuleGapMm", label: "红线距日期行", unit: "毫米（约 4）", step: 0.5 },
  { key: "titleSizePt", label: "标题字号", unit: "磅（二号 = 22）", step: 0.5 },
];

export const FONT_ROLES: { role: FontRole; label: string }[] = [
  { role: "display", label: "标题宋体（报名、标题）" },
  { role: "body", label: "仿宋（正文）" },
  { role: "hei", label: "黑体（一级标题、要目）" },
  { role: "kai", label: "楷体（二级标题、署名、按语）" },
  { role: "fallback", label: "后备字体（缺字补字）" },
];

/** The first message for each field, keyed by the field's path (`footer.email`). */
export function messagesByField(problems: FieldProblem[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const problem of problems) messages[problem.field] ??= problem.message;
  return messages;
}

/** A number input emptied by the user yields null (or NaN): the backend cannot read that,
 *  so the screen says so beside the field instead of sending it. */
export function blankNumberProblems(publication: Publication): FieldProblem[] {
  const blank = (value: unknown) => typeof value !== "number" || Number.isNaN(value);
  const problems: FieldProblem[] = LAYOUT_NUMBERS.filter(({ key }) => blank(publication.layout[key])).map(
    ({ key, label }) => ({ field: `layout.${key}`, message: `请填写${label}` }),
  );
  publication.layout.redCmyk.forEach((value, index) => {
    if (blank(value)) problems.push({ field: `layout.redCmyk.${index}`, message: "请填写 0～100 的数" });
  });
  return problems;
}

/** The publication as the backend reads it: an emptied 印数 means none. */
export function forSaving(publication: Publication): Publication {
  const copy = plainCopy(publication);
  const printRun = copy.footer.printRun as number | null | undefined;
  if (printRun === null || printRun === undefined || Number.isNaN(printRun)) delete copy.footer.printRun;
  return copy;
}

// Svelte state proxies cannot be structured-cloned; JSON is what crosses IPC anyway.
function plainCopy(publication: Publication): Publication {
  return JSON.parse(JSON.stringify(publication)) as Publication;
}

/** `list` with the item at `index` moved by `by` places (up is negative), clamped at the ends. */
export function moveItem<T>(list: T[], index: number, by: number): T[] {
  const target = Math.min(Math.max(index + by, 0), list.length - 1);
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}
