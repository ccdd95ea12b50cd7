import { describe, expect, it } from "vitest";
import { exportFileName, restoreQuestion, scheduleNote } from "./backup-text";

describe("备份与恢复 texts", () => {
  it("names the backup's time in the restore question and says the current data is kept", () => {
    const question = restoreQuestion({ backupLabel: "2025年9月2日 14:05" });
    expect(question).toContain("用2025年9月2日 14:05 的备份恢复数据库");
    expect(question).toContain("先自动备份一份");
  });

  it("names a chosen file instead when restoring from a file", () => {
    expect(restoreQuestion({ file: "/home/罗敏/简报台数据.sqlite3" })).toContain("文件“/home/罗敏/简报台数据.sqlite3”");
  });

  it("states the schedule and the folder", () => {
    const note = scheduleNote({ folder: "/data/backups", entries: [], everyHours: 4, automaticProblem: null });
    expect(note).toContain("每使用 4 小时");
    expect(note).toContain("/data/backups");
  });

  it("suggests an export name with the Chinese date", () => {
    expect(exportFileName(new Date(2025, 8, 2))).toBe("简报台数据-2025年9月2日.sqlite3");
  });
});
