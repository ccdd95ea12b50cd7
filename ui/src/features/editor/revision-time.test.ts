import { describe, expect, it } from "vitest";
import { formatRevisionTime } from "./revision-time";

describe("revision time", () => {
  it("shows the stored UTC time in the office's time zone, in Chinese", () => {
    expect(formatRevisionTime("2025-09-02T08:30:05.000Z", "Asia/Shanghai")).toBe("2025年9月2日 16:30:05");
  });
  it("shows an unreadable time as stored", () => {
    expect(formatRevisionTime("昨天")).toBe("昨天");
  });
});
