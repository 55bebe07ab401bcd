// Item lists: the *.json / *.jsonl files at the top of a project folder, in the FGHM shape.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkFghmItem } from '../../shared/fghm';
import {
  eachJsonl,
  looksLikeJsonArray,
  parseJsonOrJsonl,
  startsAfterBlanks,
  type LineError,
} from '../../shared/jsonl';
import { itemKey, type Item, type ItemId, type ItemKey } from '../../shared/records';
import { readUtf8 } from './fsx';

export interface ItemListLoad {
  items: Item[];
  /** Each item's position in `items`, by its key. */
  index: Map<ItemKey, number>;
  errors: LineError[];
  warnings: string[];
  files: string[];
}

function isItemListName(name: string): boolean {
  return /\.(jsonl|json)$/i.test(name) && !name.startsWith('.');
}

/** Item ids for images outside every list: FGHM names images by id ("img/05349.png" is 5349). */
export function idFromImagePath(rel: string): ItemId {
  const stem = rel.replace(/\.[^./]+$/, '');
  const base = stem.slice(stem.lastIndexOf('/') + 1);
  return /^\d{1,15}$/.test(base) ? Number(base) : stem;
}

function looksLikeItemList(first: unknown): boolean {
  return typeof first === 'object' && first !== null && 'id' in first && 'img' in first;
}

/** Which of the item fields a record lacks, for the warning: '"img"', or '"id" and "img"'. */
function missingItemFields(first: unknown): string {
  const o = typeof first === 'object' && first !== null ? first : {};
  const missing = ['id', 'img'].filter((f) => !(f in o)).map((f) => `"${f}"`);
  return missing.length ? missing.join(' and ') : '"id" and "img"';
}

/**
 * The object a file holds when the whole file is one JSON object (a pretty-printed report, a
 * settings file), else undefined: JSON lines hold several values and do not parse as one.
 * `first` is what its first line parses to (NOT_JSON when it does not parse): a first line that
 * is a whole value settles it without parsing the whole file (12 MB for 100k items) only to fail.
 */
function singleObject(text: string, firstEnd: number, first: unknown): Record<string, unknown> | undefined {
  if (first !== NOT_JSON) {
    if (firstEnd >= 0 && !blankFrom(text, firstEnd)) return undefined;
    return asObject(first);
  }
  if (!startsAfterBlanks(text, '{')) return undefined;
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

const NOT_JSON = Symbol('not JSON');

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Whether `text` holds only JSON whitespace from `i` on. */
function blankFrom(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** Files Meme Jury writes itself carry a "kind" (e.g. the agreement report): never item lists. */
function isMemeJuryOutput(v: Record<string, unknown>): boolean {
  return typeof v.kind === 'string' && v.kind.startsWith('memejury-');
}

export async function loadItemLists(dir: string): Promise<ItemListLoad> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && isItemListName(e.name))
    .map((e) => e.name)
    .sort();
  const items: Item[] = [];
  const index = new Map<ItemKey, number>();
  const errors: LineError[] = [];
  const warnings: string[] = [];
  const files: string[] = [];
  for (const name of names) {
    const text = await readUtf8(join(dir, name));
    const add = (item: Item, line: number): void => {
      const key = itemKey(item.id);
      const at = index.get(key);
      if (at !== undefined) {
        const prev = items[at];
        if (prev.img !== item.img || prev.text !== item.text)
          warnings.push(
            `${name}:${line}: item ${key} is already defined in ${prev.origin}; the first definition is kept`,
          );
        return;
      }
      item.origin = name;
      index.set(key, items.length);
      items.push(item);
    };
    const onError = (e: LineError): void => {
      errors.push(e);
    };
    if (looksLikeJsonArray(text)) {
      // A JSON array instead of JSON lines: elements are numbered like lines.
      const parsed = parseJsonOrJsonl(text, name);
      errors.push(...parsed.errors);
      if (parsed.records.length && !looksLikeItemList(parsed.records[0].value)) {
        warnings.push(
          `${name}: not an item list (its first record lacks ${missingItemFields(parsed.records[0].value)}); ignored`,
        );
        continue;
      }
      files.push(name);
      for (const { value, line } of parsed.records) {
        const c = checkFghmItem(value);
        if (c.ok) add(c.value, line);
        else onError({ file: name, line, message: c.error });
      }
      continue;
    }
    const nl = text.indexOf('\n');
    const firstEnd = nl > 0 ? nl : -1;
    let first: unknown = NOT_JSON;
    try {
      first = JSON.parse(firstEnd >= 0 ? text.slice(0, firstEnd) : text);
    } catch {
      first = NOT_JSON;
    }
    const single = singleObject(text, firstEnd, first);
    if (single && !looksLikeItemList(single)) {
      // A JSON report saved beside the item lists (or any other single object) is not a list.
      if (!isMemeJuryOutput(single))
        warnings.push(`${name}: not an item list (it holds one object without "id" and "img"); ignored`);
      continue;
    }
    if (first !== NOT_JSON && first !== null && !looksLikeItemList(first)) {
      warnings.push(
        `${name}: not an item list (its first record lacks ${missingItemFields(first)}); ignored`,
      );
      continue;
    }
    files.push(name);
    eachJsonl(text, name, checkFghmItem, add, onError);
  }
  return { items, index, errors, warnings, files };
}
