import { describe, expect, it } from "vitest";
import { advanceLabel, canSendBack, storeUserName, storedUserName } from "./rounds";

describe("advanceLabel", () => {
  it("names the next round, and nothing once the issue waits for the signer", () => {
    expect(advanceLabel("draft")).toBe("送一校");
    expect(advanceLabel("thirdProof")).toBe("送签发");
    expect(advanceLabel("awaitingSignOff")).toBeNull();
    expect(advanceLabel("signedOff")).toBeNull();
  });
});

describe("canSendBack", () => {
  it("is offered in the rounds only", () => {
    expect(canSendBack("draft")).toBe(false);
    expect(canSendBack("secondProof")).toBe(true);
    expect(canSendBack("awaitingSignOff")).toBe(true);
    expect(canSendBack("signedOff")).toBe(false);
  });
});

describe("user name", () => {
  it("is kept once given, and a blank answer keeps nothing", () => {
    expect(storedUserName(localStorage)).toBe("");
    expect(storeUserName(localStorage, "   ")).toBe("");
    expect(storedUserName(localStorage)).toBe("");
    expect(storeUserName(localStorage, " 汤建 ")).toBe("汤建");
    expect(storedUserName(localStorage)).toBe("汤建");
  });
});
