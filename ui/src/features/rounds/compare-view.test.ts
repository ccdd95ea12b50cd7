import { describe, expect, it } from "vitest";
import type { InlineEdit, IssueRounds, LineChange, StatusChange } from "../../generated/bindings";
import { CURRENT, defaultFrom, gapBefore, roundOptions, trimmedEdits } from "./compare-view";

function change(id: number, from: StatusChange["from"], to: StatusChange["to"], changedAt: string): StatusChange {
  return { id, issueId: 1, from, to, changedBy: "汤建", changedAt, note: "", signOffDate: null, assignee: null };
}

function rounds(status: IssueRounds["status"], history: StatusChange[]): IssueRounds {
  return { status, statusLabel: "", history, mastheadDate: "2025-09-02" };
}

describe("roundOptions", () => {
  it("offers the rounds entered, each with when it was last entered, then 当前", () => {
    const history = [
      change(1, "draft", "firstProof", "2026-11-23T01:00:00Z"),
      change(2, "firstProof", "secondProof", "2026-11-23T02:00:00Z"),
      change(3, "secondProof", "firstProof", "2026-11-23T03:00:00Z"),
      change(4, "firstProof", "secondProof", "2026-11-23T04:30:00Z"),
    ];
    expect(roundOptions(rounds("secondProof", history), "Asia/Shanghai")).toEqual([
      { value: "一校", label: "一校（11月23日 11:00）" },
      { value: "二校", label: "二校（11月23日 12:30）" },
      CURRENT,
    ]);
  });

  it("offers only 当前 for a draft never sent to a round", () => {
    expect(roundOptions(rounds("draft", []))).toEqual([CURRENT]);
  });
});

describe("defaultFrom", () => {
  const entered = (...values: string[]) => [...values.map((value) => ({ value, label: value })), CURRENT];

  it("starts from the round before the issue's own, to show what the last round changed", () => {
    expect(defaultFrom(entered("一校", "二校"), "secondProof")).toBe("一校");
    expect(defaultFrom(entered("一校", "二校", "三校", "待签发", "已签发"), "signedOff")).toBe("待签发");
  });

  it("starts from the issue's own round when it entered none before, and from nothing in a draft", () => {
    expect(defaultFrom(entered("一校"), "firstProof")).toBe("一校");
    expect(defaultFrom(entered(), "draft")).toBeNull();
  });

  it("after a send-back to the draft starts from the furthest round entered", () => {
    expect(defaultFrom(entered("一校", "二校"), "draft")).toBe("二校");
  });
});

describe("trimmedEdits", () => {
  const kept = (text: string): InlineEdit => ({ kind: "kept", text });
  const inserted = (text: string): InlineEdit => ({ kind: "inserted", text });

  it("cuts long unchanged text to the characters next to the edits", () => {
    const edits = [kept("一二三四五六七八九十"), inserted("新"), kept("甲乙丙丁戊己庚辛壬癸子丑"), inserted("增"), kept("天地玄黄宇宙洪荒")];
    expect(trimmedEdits(edits, 3)).toEqual([
      kept("…八九十"),
      inserted("新"),
      kept("甲乙丙…癸子丑"),
      inserted("增"),
      kept("天地玄…"),
    ]);
  });

  it("leaves short context whole and never cuts an edit", () => {
    const edits = [kept("会议"), { kind: "deleted", text: "审议了很长很长很长的一段话" } as InlineEdit, kept("报告。")];
    expect(trimmedEdits(edits, 3)).toEqual(edits);
  });
});

describe("gapBefore", () => {
  const line = (oldLine: number | null, newLine: number | null): LineChange => ({ oldLine, newLine, old: [], new: [], inline: [] });

  it("marks unchanged lines left out between two changed ones", () => {
    const lines = [line(2, 2), line(3, 3), line(6, 6), line(null, 7)];
    expect(lines.map((_, index) => gapBefore(lines, index))).toEqual([false, false, true, false]);
  });
});
