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
