// The writing side of the annotation line form records.ts reads: `annotationLine(checked)` is
// exactly JSON.stringify(checked) for a value checkAnnotationEvent returned (a unit test compares
// the two), written field by field with the JSON of label lists and of plain strings reused: an
// import writes 300k lines, and JSON.stringify of each object was a third of its time.
import { jsonList, jsonString } from './jsonText';
import type { AnnotationEvent } from './records';
import type { Hate } from './taxonomy';

let lastAtJson = ['', '""'];
let lastAnnotatorJson = ['', '""'];

/** Everything of a line after its item: `,"annotator":…}`. */
function lineAfterItem(ev: AnnotationEvent): string {
  if (ev.at !== lastAtJson[0]) lastAtJson = [ev.at, jsonString(ev.at)];
  if (ev.annotator !== lastAnnotatorJson[0]) lastAnnotatorJson = [ev.annotator, jsonString(ev.annotator)];
  let line =
    `,"annotator":${lastAnnotatorJson[1]},"hate":${ev.hate === null ? 'null' : jsonString(ev.hate)}` +
    `,"pc":${jsonList(ev.pc)},"attack":${jsonList(ev.attack)},"at":${lastAtJson[1]}` +
    `,"ms":${String(ev.ms)},"note":${ev.note === '' ? '""' : jsonString(ev.note)},"flag":${ev.flag ? 'true' : 'false'}`;
  if (ev.undo) line += ',"undo":true';
  if (ev.skip !== undefined) line += `,"skip":${jsonString(ev.skip)}`;
  if (ev.gv !== undefined) line += `,"gv":${jsonString(ev.gv)}`;
  if (ev.model !== undefined) line += `,"model":${JSON.stringify(ev.model)}`;
  return line + '}';
}

// Lines written together (an import's: one annotator, one time, no note or timing) differ in
// little but their item: the rest of such a line is remembered by its hate and label lists
// (interned, so a list is its contents), for the last annotator and time.
let tailsFor = ['', ''];
export interface LineTail {
  /** Everything of the line after its item. */
  text: string;
  /** The UTF-8 of `text` and a newline, kept here by whoever first writes it as bytes. */
  bytes?: Uint8Array;
}
const tails = new Map<Hate | null, Map<readonly string[], Map<readonly string[], LineTail>>>();

/**
 * The remembered rest (after the item) of the line of an event written together with others (an
 * import's), or undefined for any other event.
 */
export function plainTail(ev: AnnotationEvent): LineTail | undefined {
  const plain =
    ev.ms === 0 &&
    ev.note === '' &&
    !ev.flag &&
    ev.undo === undefined &&
    ev.skip === undefined &&
    ev.gv === undefined &&
    ev.model === undefined &&
    Object.isFrozen(ev.pc) &&
    Object.isFrozen(ev.attack);
  if (!plain) return undefined;
  if (ev.annotator !== tailsFor[0] || ev.at !== tailsFor[1]) {
    tails.clear();
    tailsFor = [ev.annotator, ev.at];
  }
  let byPc = tails.get(ev.hate);
  if (byPc === undefined) tails.set(ev.hate, (byPc = new Map()));
  // Bounded: label lists are few (interned), but nothing here may grow without end.
  let byAttack = byPc.get(ev.pc);
  if (byAttack === undefined) {
    byAttack = new Map();
    if (byPc.size < 1000) byPc.set(ev.pc, byAttack);
  }
  let tail = byAttack.get(ev.attack);
  if (tail === undefined) {
    tail = { text: lineAfterItem(ev) };
    if (byAttack.size < 1000) byAttack.set(ev.attack, tail);
  }
  return tail;
}

/** The line of a checked annotation event, as JSON.stringify writes it (without the newline). */
export function annotationLine(ev: AnnotationEvent): string {
  const head = `{"v":1,"item":${typeof ev.item === 'number' ? String(ev.item) : jsonString(ev.item)}`;
  return head + (plainTail(ev)?.text ?? lineAfterItem(ev));
}
