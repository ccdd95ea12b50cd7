// The window's one session, handed to every screen through Svelte's context rather than a
// module-level global, so that a screen can be rendered with a session of its own in a test.
import { getContext, setContext } from "svelte";
import type { Session } from "./session.svelte";

const KEY = Symbol("session");

export function provideSession(session: Session) {
  setContext(KEY, session);
}

export function useSession(): Session {
  const session = getContext<Session | undefined>(KEY);
  if (!session) throw new Error("useSession outside the app: provideSession first");
  return session;
}
