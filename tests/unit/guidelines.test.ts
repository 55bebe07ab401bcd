// The guidelines' pure rules: the safe Markdown subset, one definition per label by heading, the
// built-in default covering every label, the version field of an annotation line, and agreement
// split by version equal to agreement computed on each version's votes alone.
import { describe, expect, it } from 'vitest';
import { buildLabelMatrix, computeAgreement } from '../../shared/agreement';
import {
  GUIDELINE_LABELS,
  guideBlocks,
  isGuidelineVersion,
  labelDefinitions,
  labelOfHeading,
  madeUnderOlder,
} from '../../shared/guidelines';
import { DEFAULT_GUIDELINES } from '../../shared/guidelinesDefault';
import { splitByGuidelines } from '../../shared/guidelinesSplit';
import { parseJsonl } from '../../shared/jsonl';
import { parseInline, parseMarkdown } from '../../shared/markdown';
import {
  checkAnnotationEvent,
  decodeAnnotationLine,
  type AnnotationEvent,
  type Item,
} from '../../shared/records';
import { AnnotationState, goldForAll } from '../../shared/state';
import { ATTACK_LABELS, PC_LABELS } from '../../shared/taxonomy';

describe('the Markdown subset', () => {
  it('reads headings, paragraphs, bulleted and numbered lists, continuations and fenced code', () => {
    const md = [
      '# Title ##',
      '',
      'One paragraph',
      'over two lines.',
      '- first item',
      '  continued',
      '* second item',
      '1. numbered',
      '2) again',
      '',
      '```',
      '# not a heading',
      '```',
      '> quoted',
    ].join('\r\n');
    expect(parseMarkdown(md)).toStrictEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One paragraph over two lines.' },
      { kind: 'list', ordered: false, items: ['first item continued', 'second item'] },
      { kind: 'list', ordered: true, items: ['numbered', 'again'] },
      { kind: 'code', text: '# not a heading' },
      { kind: 'paragraph', text: 'quoted' },
    ]);
  });

  it('reads emphasis, strong, code and links as runs of text; label ids stay text; markup is never HTML', () => {
    expect(parseInline('a *b* **c** `d` _e_ [f](https://x.example/y) inciting_violence')).toStrictEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'em', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'e' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'f', href: 'https://x.example/y' },
      { kind: 'text', text: ' inciting_violence' },
    ]);
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(parseInline(hostile)).toStrictEqual([{ kind: 'text', text: hostile }]);
    expect(parseMarkdown(hostile)).toStrictEqual([{ kind: 'paragraph', text: hostile }]);
  });
});

describe('definitions by label', () => {
  it('a level-2 heading names a label by its id or in words; other headings name none', () => {
    expect(labelOfHeading('Race')).toBe('race');
    expect(labelOfHeading('Inciting violence')).toBe('inciting_violence');
    expect(labelOfHeading('`not_hateful`:')).toBe('not_hateful');
    expect(labelOfHeading('NOT-HATEFUL')).toBe('not_hateful');
    expect(labelOfHeading('Examples')).toBeNull();
    expect(labelOfHeading('class')).toBeNull();
  });

  it('the definition is the text under the heading before its examples; examples are marked', () => {
    const md = [
      '# Categories',
      'Intro, no label.',
      '## Race',
      'Attacks on **race** or ethnicity.',
      '- colour',
      '### Examples',
      '- an example caption',
      '## Mocking',
      'Ridicule of a group.',
      '#### Example',
      'A joke.',
      '### More on mocking',
      'Not an example.',
      '# Other',
      'Loose text.',
    ].join('\n');
    expect(labelDefinitions(md)).toStrictEqual({
      race: 'Attacks on race or ethnicity. colour',
      mocking: 'Ridicule of a group.',
    });
    const blocks = guideBlocks(md);
    const examples = blocks.filter((b) => b.example).map((b) => [b.label, b.block.kind]);
    expect(examples).toStrictEqual([
      ['race', 'heading'],
      ['race', 'list'],
      ['mocking', 'heading'],
      ['mocking', 'paragraph'],
    ]);
    expect(
      blocks.find((b) => b.block.kind === 'paragraph' && b.block.text === 'Not an example.'),
    ).toMatchObject({
      example: false,
      label: 'mocking',
    });
    expect(blocks.at(-1)).toMatchObject({ example: false, label: null });
  });

  it('the built-in guidelines define hate, not hateful and all 12 labels, each with examples kept apart', () => {
    expect(GUIDELINE_LABELS).toStrictEqual(['hateful', 'not_hateful', ...PC_LABELS, ...ATTACK_LABELS]);
    const defs = labelDefinitions(DEFAULT_GUIDELINES);
    expect(Object.keys(defs).sort()).toStrictEqual([...GUIDELINE_LABELS].sort());
    const blocks = guideBlocks(DEFAULT_GUIDELINES);
    for (const label of GUIDELINE_LABELS) {
      expect(defs[label].length, label).toBeGreaterThan(40);
      const examples = blocks.filter((b) => b.example && b.label === label && b.block.kind === 'list');
      expect(examples.length, `${label} has examples`).toBeGreaterThan(0);
      // No example text leaks into a definition (chips show definitions without a warning).
      for (const e of examples)
        if (e.block.kind === 'list')
          for (const item of e.block.items) expect(defs[label]).not.toContain(item);
    }
    expect(defs.hateful).toMatch(/protected characteristic/);
    expect(defs.not_hateful).toMatch(/individual/);
    expect(defs.dehumanizing).toMatch(/dehumanizing speech/i);
    expect(defs.exclusion).toMatch(/exclusion or segregation/i);
  });
});

const at = '2026-01-05T10:00:00.000Z';
const GV_A = 'a'.repeat(64);
const GV_B = 'b'.repeat(64);

describe('the guidelines version on an annotation line', () => {
  const base = {
    v: 1,
    item: 7,
    annotator: 'ann-a',
    hate: 'hateful',
    pc: ['race'],
    attack: ['mocking'],
    at,
    ms: 1,
  };

  it('is optional, kept when valid, and refused with the field named otherwise', () => {
    expect(checkAnnotationEvent(base)).toMatchObject({ ok: true });
    expect((checkAnnotationEvent(base) as { value: AnnotationEvent }).value.gv).toBeUndefined();
    for (const gv of [GV_A, 'abcdef012345'])
      expect(checkAnnotationEvent({ ...base, gv })).toMatchObject({ ok: true, value: { gv } });
    for (const gv of ['abcdef01234', 'A'.repeat(64), 'g'.repeat(12), 'a'.repeat(65), 12, null, ''])
      expect(checkAnnotationEvent({ ...base, gv })).toStrictEqual({
        ok: false,
        error: 'field "gv": expected 12 to 64 lowercase hex digits (a guidelines version) or absent',
      });
    const text = [JSON.stringify({ ...base, gv: GV_A }), JSON.stringify({ ...base, gv: 'nope' })].join('\n');
    const parsed = parseJsonl(text, 'ann-a.jsonl', checkAnnotationEvent);
    expect(parsed.records.map((r) => r.value.gv)).toStrictEqual([GV_A]);
    expect(parsed.errors.map((e) => [e.line, e.message])).toStrictEqual([
      [2, 'field "gv": expected 12 to 64 lowercase hex digits (a guidelines version) or absent'],
    ]);
    // The fast replay path reads a line as the app writes it, version included, with the same value.
    for (const extra of [{ gv: GV_A }, { skip: 'distressing', gv: GV_B }, { gv: 'abcdef012345' }]) {
      const raw = {
        ...base,
        ...(extra.skip ? { hate: null, pc: [], attack: [] } : {}),
        note: '',
        flag: false,
        ...extra,
      };
      const line = JSON.stringify((checkAnnotationEvent(raw) as { value: AnnotationEvent }).value);
      expect(line.endsWith(`"gv":"${extra.gv}"}`)).toBe(true);
      expect(decodeAnnotationLine(line, 0, line.length)).toStrictEqual(JSON.parse(line));
    }
    const bad = JSON.stringify({ ...base, note: '', flag: false, gv: 'XYZ' });
    expect(decodeAnnotationLine(bad, 0, bad.length)).toBeUndefined();
    expect(isGuidelineVersion(GV_B)).toBe(true);
    expect(madeUnderOlder(undefined, GV_A)).toBe(false);
    expect(madeUnderOlder(GV_A.slice(0, 12), GV_A)).toBe(false);
    expect(madeUnderOlder(GV_B, GV_A)).toBe(true);
  });
});

/** A deterministic generator (mulberry32), so the data is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('agreement split by guidelines version', () => {
  const annotators = ['ann-a', 'ann-b', 'ann-c'];
  const items: Item[] = Array.from({ length: 90 }, (_, i) => ({
    id: i + 1,
    img: `img/${i + 1}.png`,
    text: '',
  }));
  const random = rng(12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const lines: AnnotationEvent[] = [];
  for (const it of items)
    for (const annotator of annotators) {
      if (random() < 0.15) continue;
      const hateful = random() < 0.5;
      // Older labels under A (and a few recording no version), newer ones under B (some by prefix).
      const r = random();
      const gv = (it.id as number) < 45 ? (r < 0.1 ? undefined : GV_A) : r < 0.2 ? GV_B.slice(0, 12) : GV_B;
      lines.push({
        v: 1,
        item: it.id,
        annotator,
        hate: hateful ? 'hateful' : 'not_hateful',
        pc: hateful ? [pick(PC_LABELS)] : [],
        attack: hateful ? [pick(ATTACK_LABELS), ...(random() < 0.3 ? [pick(ATTACK_LABELS)] : [])] : [],
        at,
        ms: 3000,
        note: '',
        flag: false,
        ...(gv ? { gv } : {}),
      });
    }

  it('gives, for each version, exactly the agreement computed on that version’s votes alone', () => {
    const state = new AnnotationState();
    for (const a of annotators) state.addAnnotator(a);
    for (const l of lines) state.apply(l);
    const golds = goldForAll(state, items, 'fghm');
    const split = splitByGuidelines(state, items, golds, 'fghm', 3, [GV_A, GV_B]);
    expect(split.map((s) => s.version)).toStrictEqual([GV_A, GV_B, null]);
    for (const s of split) {
      const mine = lines.filter((l) =>
        s.version === null ? l.gv === undefined : l.gv !== undefined && s.version.startsWith(l.gv),
      );
      const sub = new AnnotationState();
      for (const a of annotators) sub.addAnnotator(a);
      for (const l of mine) sub.apply(l);
      const expected = computeAgreement(buildLabelMatrix(sub, items, golds, 'fghm'), 3);
      expect(s.report).toStrictEqual(expected);
      expect(s.votes).toBe(mine.length);
      expect(s.items).toBe(new Set(mine.map((l) => l.item)).size);
      expect(s.hate).toStrictEqual({
        alpha: expected.hate.krippendorff_alpha,
        items: expected.hate.items_two_or_more,
      });
      expect(s.pc).toStrictEqual({
        alpha_masi: expected.pc.alpha_masi,
        items: expected.pc.items_two_or_more,
      });
      expect(s.attack).toStrictEqual({
        alpha_masi: expected.attack.alpha_masi,
        items: expected.attack.items_two_or_more,
      });
    }
    // The versions together hold every vote once.
    expect(split.reduce((n, s) => n + s.votes, 0)).toBe(lines.length);
    expect(split[0].hate.items).toBeGreaterThan(20);
    expect(split[0].hate.alpha).not.toBeNull();
  });

  it('counts only votes on the memes it is given (known-answer memes are left to their own figures)', () => {
    const state = new AnnotationState();
    for (const l of lines) state.apply(l);
    const some = items.slice(0, 30);
    const split = splitByGuidelines(state, some, goldForAll(state, some, 'fghm'), 'fghm', 3, [GV_A, GV_B]);
    expect(split.map((s) => s.version)).toStrictEqual([GV_A, null]);
    expect(split.reduce((n, s) => n + s.votes, 0)).toBe(lines.filter((l) => (l.item as number) <= 30).length);
  });
});
