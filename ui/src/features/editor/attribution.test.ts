import { describe, expect, it } from "vitest";
import { formatContributors, parseContributors } from "./attribution";

describe("contributors field", () => {
  it("splits on 、，, and ； and drops blanks", () => {
    expect(parseContributors(" 甲单位、乙单位，丙单位；; ")).toEqual(["甲单位", "乙单位", "丙单位"]);
  });
  it("joins with 、 for display", () => {
    expect(formatContributors(["甲", "乙"])).toBe("甲、乙");
    expect(formatContributors(undefined)).toBe("");
  });
});
