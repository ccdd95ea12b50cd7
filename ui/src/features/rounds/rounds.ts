// What the round bar offers in each status, and the user's name, asked once and kept.
import type { IssueStatus } from "../../generated/bindings";

/** The button that moves an issue on, by status; none once it waits for the signer. */
export function advanceLabel(status: IssueStatus): string | null {
  switch (status) {
    case "draft":
      return "送一校";
    case "firstProof":
      return "送二校";
    case "secondProof":
      return "送三校";
    case "thirdProof":
      return "送签发";
    default:
      return null;
  }
}

/** Rounds can send an issue back; a draft has nowhere to go, a signed one is revoked instead. */
export function canSendBack(status: IssueStatus): boolean {
  return status !== "draft" && status !== "signedOff";
}

const NAME_KEY = "jianbao.userName";

/** The name recorded on every action (no passwords in this version). */
export function storedUserName(storage: Storage): string {
  return storage.getItem(NAME_KEY)?.trim() ?? "";
}

export function storeUserName(storage: Storage, name: string): string {
  const trimmed = name.trim();
  if (trimmed !== "") storage.setItem(NAME_KEY, trimmed);
  return trimmed;
}

/** Shown beside every control a sign-off locks, so a greyed-out button says why. */
export const SIGNED_OFF_REASON = "已签发，如需修改请先撤销签发";
