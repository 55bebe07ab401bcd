// Item lists: the *.json / *.jsonl files at the top of a project folder, in the FGHM shape.
import { readdir, readFile } from 'node:fs/promises';
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

export interface ItemListLoad {
  items: Item[];
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
 */
function singleObject(text: string): Record<string, unknown> | undefined {
  if (!startsAfterBlanks(text, '{')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
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
  const seen = new Map<ItemKey, Item>();
  const errors: LineError[] = [];
  const warnings: string[] = [];
  const files: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    const add = (item: Item, line: number): void => {
      const key = itemKey(item.id);
      const prev = seen.get(key);
      if (prev) {
        if (prev.img !== item.img || prev.text !== item.text)
          warnings.push(
            `${name}:${line}: item ${key} is already defined in ${prev.origin}; the first definition is kept`,
          );
        return;
      }
      item.origin = name;
      seen.set(key, item);
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
    const single = singleObject(text);
    if (single && !looksLikeItemList(single)) {
      // A JSON report saved beside the item lists (or any other single object) is not a list.
      if (!isMemeJuryOutput(single))
        warnings.push(`${name}: not an item list (it holds one object without "id" and "img"); ignored`);
      continue;
    }
    const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
    let first: unknown = null;
    try {
      first = JSON.parse(firstLine);
    } catch {
      first = null;
    }
    if (first !== null && !looksLikeItemList(first)) {
      warnings.push(
        `${name}: not an item list (its first record lacks ${missingItemFields(first)}); ignored`,
      );
      continue;
    }
    files.push(name);
    eachJsonl(text, name, checkFghmItem, add, onError);
  }
  return { items, errors, warnings, files };
}
