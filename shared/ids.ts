// Annotator ids: the one definition of their syntax. They name files
// (`annotations/<id>.jsonl`, `locks/<id>.lock`) and appear in flat statistics keys
// ("annotator.<id>.items_done"), so they are safe file names without dots; they never start
// with "_", which keeps names such as the lead's lock ("_lead") out of their space.
import * as z from 'zod';

const ANNOTATOR_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ANNOTATOR_ID_RULE = 'letters, digits, "_", "-"';
/** The whole rule in words, for people choosing an id (the pattern above, said in full). */
export const ANNOTATOR_ID_HELP = `1 to 64 characters: ${ANNOTATOR_ID_RULE}, starting with a letter or a digit (e.g. ann-a)`;

export function isAnnotatorId(id: unknown): id is string {
  return typeof id === 'string' && ANNOTATOR_ID_PATTERN.test(id);
}

export const annotatorIdSchema = z.string().regex(ANNOTATOR_ID_PATTERN, ANNOTATOR_ID_RULE);
