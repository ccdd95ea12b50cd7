// Keeping what a screen shows up to date with the server's change events. A burst of events
// (an import adds twenty articles) is one reload; a reset (the client missed events) reloads
// whatever is watched.
import type { ChangeEvent } from "../../generated/bindings";
import { onServerSignal } from "../../platform/ipc";

export type ChangeFilter = (event: ChangeEvent) => boolean;

/** Calls `reload` shortly after a change that `matches`, or a reset; answers a stop function. */
export function watchChanges(matches: ChangeFilter, reload: () => void, delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const soon = () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      reload();
    }, delayMs);
  };
  const stop = onServerSignal((signal) => {
    if (signal.kind === "reset" || (signal.kind === "change" && matches(signal.event))) soon();
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    stop();
  };
}

/** Changes of one issue, of the given kinds. */
export function ofIssue(issueId: number, ...kinds: ChangeEvent["kind"][]): ChangeFilter {
  return (event) => event.issueId === issueId && kinds.includes(event.kind);
}
