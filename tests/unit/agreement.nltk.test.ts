// Cross-checks every agreement figure against NLTK itself on a synthetic project with missing
// ratings, where python3-nltk is installed (.ci/run installs it; Debian package python3-nltk).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabelMatrix, computeAgreement, flattenAgreement } from '../../shared/agreement';
import { fromFghm, slotEvents } from '../../shared/fghm';
import type { Item } from '../../shared/records';
import { AnnotationState, goldForAll } from '../../shared/state';
import { rng, syntheticFghm } from '../../electron/services/synthetic';
import { ROOT, tempDir } from './helpers';

const python = ['/usr/bin/python3', 'python3'].find(
  (py) => spawnSync(py, ['-c', 'import nltk'], { stdio: 'ignore' }).status === 0,
);

// Where Debian's python3-nltk is not installed (.ci/run installs it), this says so and skips; the
// figures are still checked against NLTK's stored reference output (agreement.test.ts).
if (!python)
  console.warn('agreement against live NLTK skipped: no python3 with nltk (apt-get install python3-nltk)');

describe('agreement against live NLTK', () => {
  it.skipIf(!python)(
    'matches NLTK on 3,000 synthetic items with missing ratings (needs python3-nltk)',
    async () => {
      const r = rng(11);
      const state = new AnnotationState();
      const items: Item[] = [];
      for (const rec of syntheticFghm(3000, 5)) {
        // Drop one annotator slot on some items so alpha sees items with two ratings.
        if (r() < 0.15 && Array.isArray(rec.pc) && Array.isArray(rec.attack)) {
          const drop = Math.floor(r() * 3);
          rec.pc.splice(drop, 1);
          rec.attack.splice(drop, 1);
        }
        const m = fromFghm(rec);
        if (!m.ok) throw new Error(m.error);
        items.push(m.value.item);
        for (const ev of slotEvents(m.value, '2026-01-01T00:00:00.000Z')) state.apply(ev);
      }
      const matrix = buildLabelMatrix(state, items, goldForAll(state, items, 'fghm'));
      const ours = flattenAgreement(computeAgreement(matrix, 3));
      const A = matrix.annotators.length;
      const rows: [number, number[]][] = [];
      for (let u = 0; u < matrix.items; u++) {
        const cells: number[] = [];
        for (let a = 0; a < A; a++)
          cells.push(matrix.hate[u * A + a], matrix.pc[u * A + a], matrix.attack[u * A + a]);
        rows.push([matrix.goldHate[u], cells]);
      }
      const input = join(await tempDir(), 'in.json');
      await writeFile(
        input,
        JSON.stringify({
          raters: A,
          pc_labels: matrix.labels.pc,
          attack_labels: matrix.labels.attack,
          items: rows,
        }),
      );
      const res = spawnSync(
        python as string,
        [join(ROOT, 'electron/cli/reference/nltk_agreement.py'), input],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        },
      );
      expect(res.stderr).toBe('');
      const nltk = JSON.parse(res.stdout).figures as Record<string, number>;
      const keys = Object.keys(nltk);
      expect(keys.length).toBe(4 + 12 * 4 + 2);
      for (const k of keys) expect(Math.abs((ours[k] as number) - nltk[k]), k).toBeLessThan(1e-9);
    },
  );
});
