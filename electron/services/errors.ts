// The common base of every error a user can act on (a bad file line, a locked project, a missing
// item). Leaf module: every service and handler imports it, it imports nothing of theirs.
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * The message shown to the user for a failed call: a UserError's own text, and for anything
 * else (a Node file-system error, a bug) its message too, so nothing is hidden from the person
 * who has to fix it; never a stack.
 */
export function userMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
