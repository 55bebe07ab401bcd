// The only thing a tombstone keeps: hashes that recognise a forgotten item, image or annotator
// without holding any of their content.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { itemKey, type ItemId } from '../../shared/records';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function itemHash(id: ItemId): string {
  return sha256(`memejury:item:${itemKey(id)}`);
}

export function annotatorHash(id: string): string {
  return sha256(`memejury:annotator:${id}`);
}

/** sha256 of a file's bytes, or null when it cannot be read. */
export function fileHash(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(null));
  });
}

/**
 * The item hashes a value written as an id may stand for: itself, and for a string of digits
 * with leading zeros or blanks ("083745", " 83745") also the number it spells, which is how
 * FGHM names images (img/05349.png is item 5349). Forgetting and the audit match every one.
 */
export function itemHashSpellings(id: unknown): string[] {
  if (typeof id === 'number') return Number.isFinite(id) ? [itemHash(id)] : [];
  if (typeof id !== 'string' || id === '') return [];
  const out = [itemHash(id)];
  const t = id.trim();
  if (t !== id && t !== '') out.push(itemHash(t));
  if (/^\d{1,15}$/.test(t)) {
    const n = Number(t);
    if (Number.isSafeInteger(n)) out.push(itemHash(n));
  }
  return out;
}
