import { describe, expect, it } from "vitest";
import { parseMasthead, type MastheadForm } from "./masthead-form";

const typed: MastheadForm = { kind: "regular", number: "13", totalNumber: "741", date: "2025-09-02" };

describe("parseMasthead", () => {
  it("turns typed numbers into the update", () => {
    expect(parseMasthead(typed)).toEqual({
      update: { kind: "regular", number: 13, totalNumber: 741, date: "2025-09-02" },
    });
  });

  it("reads full-width digits typed with a Chinese input method", () => {
    expect(parseMasthead({ ...typed, number: "１４" })).toMatchObject({ update: { number: 14 } });
  });

  it("names the field to correct, in Chinese", () => {
    expect(parseMasthead({ ...typed, number: "" })).toEqual({ error: "期号必须是正整数，例如 13" });
    expect(parseMasthead({ ...typed, number: "0" })).toEqual({ error: "期号必须是正整数，例如 13" });
    expect(parseMasthead({ ...typed, totalNumber: "七百" })).toEqual({ error: "总期号必须是正整数，例如 741" });
    expect(parseMasthead({ ...typed, date: "" })).toEqual({ error: "请选择出刊日期" });
  });
});
