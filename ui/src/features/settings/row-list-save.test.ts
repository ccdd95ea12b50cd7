import { describe, expect, it } from "vitest";
import { saveRowList } from "./row-list-save";

describe("saveRowList", () => {
  it("passes the stored list or the refused rows on", async () => {
    expect(await saveRowList(async () => ({ outcome: "saved" as const, list: ["甲"] }))).toEqual({ kind: "saved", list: ["甲"] });
    const problems = [{ row: 1, message: "第 2 行：不能空" }];
    expect(await saveRowList(async () => ({ outcome: "refused" as const, problems }))).toEqual({ kind: "refused", problems });
  });

  it("says a failed save keeps the rows on the page", async () => {
    const saved = await saveRowList(() => Promise.reject({ code: "unavailable", message: "无法连接办公室服务器" }));
    expect(saved).toEqual({ kind: "failed", message: "无法连接办公室服务器。填写的内容仍在页面上，可以再次保存。" });
  });
});
