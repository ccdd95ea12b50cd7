import { describe, expect, it } from "vitest";
import { formatChineseDate, parseTypedDate } from "./dates";

describe("typed dates", () => {
  it("takes the Chinese form and the numeric forms", () => {
    expect(parseTypedDate("2025年9月2日")).toBe("2025-09-02");
    expect(parseTypedDate(" 2025 年 09 月 02 日 ")).toBe("2025-09-02");
    expect(parseTypedDate("2025-09-02")).toBe("2025-09-02");
    expect(parseTypedDate("2025-9-2")).toBe("2025-09-02");
    expect(parseTypedDate("2025/9/2")).toBe("2025-09-02");
    expect(parseTypedDate("2025.9.2")).toBe("2025-09-02");
  });

  it("refuses days that do not exist and the US order", () => {
    expect(parseTypedDate("2025年2月30日")).toBeNull();
    expect(parseTypedDate("2025-02-29")).toBeNull();
    expect(parseTypedDate("2024-02-29")).toBe("2024-02-29");
    expect(parseTypedDate("09/02/2025")).toBeNull();
    expect(parseTypedDate("2025-09/02")).toBeNull();
    expect(parseTypedDate("2025年9月")).toBeNull();
    expect(parseTypedDate("")).toBeNull();
  });

  it("shows an ISO date the way the masthead prints it", () => {
    expect(formatChineseDate("2025-09-02")).toBe("2025年9月2日");
    expect(formatChineseDate("2025-11-20")).toBe("2025年11月20日");
    expect(formatChineseDate("")).toBe("");
  });
});
