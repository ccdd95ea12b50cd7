// One list of signal listeners per window: the platform's own signals (Tauri events, the
// server-sent events) and the ones the UI raises itself (a command refused for want of a
// login) reach the same listeners.
import type { ServerSignal } from "../generated/bindings";
import type { SignalListener } from "./types";

export class SignalHub {
  private readonly listeners = new Set<SignalListener>();

  listen(listener: SignalListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(signal: ServerSignal) {
    for (const listener of [...this.listeners]) listener(signal);
  }

  get size(): number {
    return this.listeners.size;
  }
}
