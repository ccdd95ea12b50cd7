import { describe, expect, it } from "vitest";
import { blankRow, messagesByRow, rowsChanged, rowsForSaving } from "./word-list-form";

const row = { wrong: "其它", right: "其他", condition: "", explanation: "现代汉语词典" };

describe("word list form", () => {
  it("puts each problem on its row", () => {
    expect(messagesByRow([{ row: 2, message: "第 3 条：错误写法与正确写法相同" }])).toEqual({ 2: "第 3 条：错误写法与正确写法相同" });
  });

  it("sees a change but not stray spaces", () => {
    expect(rowsChanged([{ ...row, right: " 其他 " }], [row])).toBe(false);
    expect(rowsChanged([{ ...row, right: "其它" }], [row])).toBe(true);
    expect(rowsChanged([row, blankRow()], [row])).toBe(true);
  });

  it("drops rows never filled in, keeps half-filled ones for the check", () => {
    expect(rowsForSaving([row, blankRow(), { ...blankRow(), wrong: "甲" }])).toEqual([row, { ...blankRow(), wrong: "甲" }]);
  });
});
