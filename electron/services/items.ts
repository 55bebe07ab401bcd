// Item lists: the *.json / *.jsonl files at the top of a project folder, in the FGHM shape.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromFghm } from '../../shared/fghm';
import { parseJsonOrJsonl, type LineError } from '../../shared/jsonl';
import { itemKey, type Item, type ItemId } from '../../shared/records';

export interface ItemListLoad {
  items: Item[];
  errors: LineError[];
  warnings: string[];
  files: string[];
}

export function isItemListName(name: string): boolean {
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

export async function loadItemLists(dir: string): Promise<ItemListLoad> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && isItemListName(e.name))
    .map((e) => e.name)
    .sort();
  const items: Item[] = [];
  const seen = new Map<string, Item>();
  const errors: LineError[] = [];
  const warnings: string[] = [];
  const files: string[] = [];
  for (const name of names) {
    const parsed = parseJsonOrJsonl(await readFile(join(dir, name), 'utf8'), name);
    if (parsed.records.length > 0 && !looksLikeItemList(parsed.records[0].value)) {
      warnings.push(`${name}: not an item list (its first record has no "id" and "img"); ignored`);
      continue;
    }
    files.push(name);
    errors.push(...parsed.errors);
    for (const { value, line } of parsed.records) {
      const m = fromFghm(value);
      if (!m.ok) {
        errors.push({ file: name, line, message: m.error });
        continue;
      }
      const item = { ...m.value.item, origin: `${name}:${line}` };
      const key = itemKey(item.id);
      const prev = seen.get(key);
      if (prev) {
        if (prev.img !== item.img || prev.text !== item.text)
          warnings.push(`${name}:${line}: item ${key} is already defined at ${prev.origin}; the first definition is kept`);
        continue;
      }
      seen.set(key, item);
      items.push(item);
    }
  }
  return { items, errors, warnings, files };
}
