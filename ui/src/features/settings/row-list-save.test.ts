import { describe, expect, it } from "vitest";
import { saveRowList, saveRows } from "./row-list-save";

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

describe("saveRows", () => {
  it("sends the rows given and tells the page what to show", async () => {
    const problems = [{ row: 0, message: "第 1 行：不能空" }];
    const refused = await saveRows(["甲"], async () => ({ outcome: "refused" as const, problems }));
    expect(refused).toEqual({ error: null, status: "idle", refused: { rows: ["甲"], problems } });
    let sent: string[] = [];
    const saved = await saveRows(["乙"], async (rows) => ((sent = rows), { outcome: "saved" as const, list: ["乙"] }));
    expect(sent).toEqual(["乙"]);
    expect(saved).toEqual({ error: null, status: "saved", list: ["乙"] });
    const failed = await saveRows(["丙"], () => Promise.reject({ message: "无法连接办公室服务器" }));
    expect(failed.status).toBe("idle");
    expect(failed.error).toMatch(/填写的内容仍在页面上/);
  });
});
