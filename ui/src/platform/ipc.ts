// The one door from the UI to the service. Which client stands behind it — the desktop app
// (Tauri) or the browser talking to the office server over HTTP — is decided once, at
// start-up; the rest of the UI calls these functions and never knows which.
// Command names, arguments and answers come from the generated `Commands` map, so a command
// is declared once, in Rust.
import { createHttpPlatform } from "./http";
import { createTauriPlatform, insideTauri } from "./tauri";
import { type BytesCommandName, type CommandName, type Platform, type Request, type Response, type SignalListener, toAppError } from "./types";

export type { BytesCommandName, CommandName, DocxOutcome, ExportOutcome, Request, Response, SessionStart } from "./types";
export { toAppError } from "./types";

let chosen: Platform | null = null;

function pickPlatform(): Platform {
  if (insideTauri(window)) return createTauriPlatform();
  return createHttpPlatform({ fetch: window.fetch.bind(window), EventSource: window.EventSource });
}

/** The client this window uses. */
export function platform(): Platform {
  chosen ??= pickPlatform();
  return chosen;
}

/** Puts a client in place (tests, with fakes behind it). */
export function usePlatform(replacement: Platform | null) {
  chosen = replacement;
  unauthorisedListeners.clear();
}

// A command refused for want of a login (the session lapsed, the server restarted) is the
// same news as the server's LoggedOut signal: the window asks for the login again.
const unauthorisedListeners = new Set<SignalListener>();

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (raw) {
    const error = toAppError(raw);
    if (error.code === "unauthorized") {
      for (const listener of [...unauthorisedListeners]) listener({ kind: "loggedOut", message: error.message });
    }
    throw error;
  }
}

/** Calls a backend command; rejects with an `AppError` whose message is for the user. */
export function invoke<K extends CommandName>(command: K, request: Request<K>): Promise<Response<K>> {
  return guarded(() => platform().invoke(command, request));
}

/**
 * Sends bytes as the raw request body (a manuscript may be tens of megabytes: as JSON it
 * would be an array of numbers several times larger), with metadata in ASCII headers.
 */
export function invokeBytes<K extends BytesCommandName>(command: K, bytes: Uint8Array, headers: Record<string, string>): Promise<Response<K>> {
  return guarded(() => platform().invokeBytes(command, bytes, headers));
}

/** Server signals (changes, online/offline, logged out), including refusals for want of a login. */
export function onServerSignal(listener: SignalListener): () => void {
  unauthorisedListeners.add(listener);
  const stop = platform().onSignal(listener);
  return () => {
    unauthorisedListeners.delete(listener);
    stop();
  };
}
