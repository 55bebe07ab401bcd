// The reply envelope every transport uses (Electron IPC, browser mode's HTTP API): a result or
// the user-facing message of an error, never a stack or a transport's own wrapper text.
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: string };

export function okReply<T>(result: T): Reply<T> {
  // undefined does not survive JSON; null does, and means "nothing" to every caller.
  return { ok: true, result: (result ?? null) as T };
}

export function errorReply(error: string): Reply<never> {
  return { ok: false, error };
}

/** The result of a reply, or an Error carrying its message (`what` names the call). */
export function unwrapReply(reply: unknown, what: string): unknown {
  const r = reply as Partial<Reply> | null | undefined;
  if (r && r.ok === true) return r.result;
  const error = r && r.ok === false && typeof r.error === 'string' ? r.error : `${what} failed`;
  throw new Error(error);
}
