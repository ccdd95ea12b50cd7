import { describe, expect, it } from "vitest";
import { aliasesChanged, aliasesForSaving, blankAlias, unlistedUnits } from "./unit-alias-form";

const row = (alias: string, unit: string) => ({ alias, unit });

describe("unit alias form", () => {
  it("sees no change in spaces the save trims away", () => {
    expect(aliasesChanged([row(" 会同县人大办 ", "会同县人大常委会")], [row("会同县人大办", "会同县人大常委会")])).toBe(false);
    expect(aliasesChanged([row("会同县人大办", "会同县人大常委会")], [])).toBe(true);
  });

  it("leaves rows never filled in out of the save", () => {
    expect(aliasesForSaving([row("甲", "乙"), blankAlias(), row(" ", "")])).toEqual([row("甲", "乙")]);
  });

  it("offers the names no row lists yet", () => {
    const units = ["会同县人大常委会", "会同县人大常委会办公室", "靖州县人大常委会"];
    expect(unlistedUnits(units, [row("会同县人大常委会办公室", "会同县人大常委会")])).toEqual(["靖州县人大常委会"]);
  });
});
