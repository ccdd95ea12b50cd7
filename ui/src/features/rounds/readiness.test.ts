import { describe, expect, it } from "vitest";
import { anyOpen, chineseDate, openItemsLine } from "./readiness";

describe("what waits before 送签发 and 签发", () => {
  it("says each kind that waits, and nothing when none does", () => {
    expect(openItemsLine({ findings: 2, comments: 0, suggestions: 1 })).toBe("还有 2 处校对问题未处理、1 条修改建议未采纳或拒绝");
    expect(openItemsLine({ findings: 0, comments: 0, suggestions: 0 })).toBe("");
    expect(anyOpen({ findings: 0, comments: 1, suggestions: 0 })).toBe(true);
  });

  it("writes dates as the masthead prints them", () => {
    expect(chineseDate("2025-09-20")).toBe("2025年9月20日");
    expect(chineseDate("2025-10-01")).toBe("2025年10月1日");
  });
});
