// The only module that talks to Tauri. Command names, arguments and answers come from the
// generated `Commands` map, so a command is declared once, in Rust. Every service command goes
// through the app's one `call` command, which runs it on this computer's database or on the
// office server; `DesktopCommands` are what only the window on this computer does.
import { invoke as tauriInvoke } from "@tauri-apps/api/core";
import type { AppError, Commands, DesktopCommands } from "../generated/bindings";

export type CommandName = keyof Commands;
export type Request<K extends CommandName> = Commands[K]["request"];
export type Response<K extends CommandName> = Commands[K]["response"];
export type DesktopCommandName = keyof DesktopCommands;

/** Calls a backend command; rejects with an `AppError` whose message is for the user. */
export async function invoke<K extends CommandName>(
  command: K,
  request: Request<K>,
): Promise<Response<K>> {
  try {
    return await tauriInvoke<Response<K>>("call", { command, request });
  } catch (error) {
    throw toAppError(error);
  }
}

/** Calls one of the desktop app's own commands. */
export async function invokeDesktop<K extends DesktopCommandName>(
  command: K,
  request: DesktopCommands[K]["request"],
): Promise<DesktopCommands[K]["response"]> {
  try {
    return await tauriInvoke<DesktopCommands[K]["response"]>(command, request as Record<string, unknown>);
  } catch (error) {
    throw toAppError(error);
  }
}

export function toAppError(error: unknown): AppError {
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    return error as AppError;
  }
  return { code: "internal", message: `程序内部错误：${String(error)}` };
}

/** Commands whose request is a file's raw bytes rather than JSON arguments. */
export type BytesCommandName = {
  [K in CommandName]: Request<K> extends Uint8Array ? K : never;
}[CommandName];

/**
 * Sends bytes as the raw request body (a manuscript may be tens of megabytes: as JSON it
 * would be an array of numbers several times larger), with metadata in ASCII headers.
 */
export async function invokeBytes<K extends BytesCommandName>(
  command: K,
  bytes: Uint8Array,
  headers: Record<string, string>,
): Promise<Response<K>> {
  try {
    return await tauriInvoke<Response<K>>("call_bytes", bytes, {
      headers: { ...headers, "x-jianbao-command": command },
    });
  } catch (error) {
    throw toAppError(error);
  }
}
