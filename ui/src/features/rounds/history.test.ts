import { describe, expect, it } from "vitest";
import type { StatusChange } from "../../generated/bindings";
import { dateLabel, historyLine, localTimeLabel, shortTimeLabel } from "./history";

const BEIJING = "Asia/Shanghai";

describe("localTimeLabel", () => {
  it("shows a stored UTC time on the local clock", () => {
    expect(localTimeLabel("2026-11-23T10:05:00Z", BEIJING)).toBe("2026年11月23日 18:05");
    expect(localTimeLabel("2026-11-23T20:30:00Z", BEIJING), "after 16:00 UTC it is the next day in Beijing").toBe(
      "2026年11月24日 04:30",
    );
    expect(shortTimeLabel("2026-01-02T00:07:00Z", BEIJING)).toBe("1月2日 08:07");
  });

  it("keeps a time it cannot read as it was stored", () => {
    expect(localTimeLabel("昨天")).toBe("昨天");
  });
});

describe("historyLine", () => {
  const change: StatusChange = {
    id: 7,
    issueId: 1,
    from: "awaitingSignOff",
    to: "signedOff",
    changedBy: "王主任",
    changedAt: "2025-09-05T01:00:00Z",
    note: "",
    signOffDate: "2025-09-05",
    assignee: null,
  };

  it("reads like the CLI's status line, in local time", () => {
    expect(historyLine(change, BEIJING)).toBe("2025年9月5日 09:00\u3000待签发 → 已签发\u3000王主任\u3000签发日期 2025年9月5日");
    expect(historyLine({ ...change, from: "thirdProof", to: "secondProof", signOffDate: null, note: "人名有误" }, BEIJING)).toBe(
      "2025年9月5日 09:00\u3000三校 → 二校\u3000王主任\u3000人名有误",
    );
  });

  it("writes a calendar date without leading zeros, as the masthead does", () => {
    expect(dateLabel("2025-09-05")).toBe("2025年9月5日");
  });
});
