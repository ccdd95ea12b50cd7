import { describe, expect, it } from "vitest";
import { issueHanCount, moveItem } from "./reorder";

describe("article order", () => {
  it("moves an item down and up", () => {
    expect(moveItem(["甲", "乙", "丙"], 0, 2)).toEqual(["乙", "丙", "甲"]);
    expect(moveItem(["甲", "乙", "丙"], 2, 0)).toEqual(["丙", "甲", "乙"]);
    expect(moveItem(["甲", "乙", "丙"], 1, 0)).toEqual(["乙", "甲", "丙"]);
  });

  it("leaves the list unchanged for a move past either end", () => {
    expect(moveItem(["甲", "乙"], 0, -1)).toEqual(["甲", "乙"]);
    expect(moveItem(["甲", "乙"], 1, 2)).toEqual(["甲", "乙"]);
  });

  it("adds the articles' counts for the issue", () => {
    expect(issueHanCount([{ hanCount: 1200 }, { hanCount: 850 }])).toBe(2050);
    expect(issueHanCount([])).toBe(0);
  });
});
