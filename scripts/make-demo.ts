// Generates the embedded demo project (electron/resources/demo) through the project API: 40
// synthetic, benign memes drawn on a canvas in headless Chromium (scripts/chromium.ts), an item
// list of `Item` records, a project made by `initProject`, and two synthetic annotators' labels
// for the first 20 memes, appended as `AnnotationEvent`s by `Project.appendAnnotations`, so the
// lead's screens have something to show. Deterministic: fixed timestamps, seeds and queue seed;
// running it twice gives the same files. Run: npx tsx scripts/make-demo.ts (npm run demo)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initProject, Project } from '../electron/services/project';
import { normalizeLabels } from '../shared/labels';
import type { AnnotationEvent, Item } from '../shared/records';
import { launchChromium } from './chromium';
import { draw, loadCaptionFont, type Motif } from './demoDraw';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../electron/resources/demo');
const CREATED = '2026-11-01T09:00:00.000Z';
const QUEUE_SEED = 'demo';

// [top caption, bottom caption, picture]. An empty caption leaves that band clear.
const MEMES: [top: string, bottom: string, motif: Motif][] = [
  ['when the coffee kicks in', 'at exactly 5 pm', 'cup'],
  ['me explaining my code', 'to the rubber duck', 'duck'],
  ['', 'monday morning loading…', 'clock'],
  ['the cat knocked it over', 'and felt nothing', 'cat'],
  ['one more episode', 'it is 3 am', 'laptop'],
  ['it works on my machine', 'ship the machine', 'laptop'],
  ['diet starts tomorrow', 'since 2019', 'pizza'],
  ['weather app says sunny', 'bring an umbrella', 'cloud'],
  ['when the build passes', 'on the first try', 'sun'],
  ['me at the gym', 'looking at the snack bar', 'pizza'],
  ['exam tomorrow', 'time to reorganise my desk', 'books'],
  ['the plant I forgot', 'is thriving', 'plant'],
  ['reply all', 'the sequel nobody asked for', 'laptop'],
  ['my sourdough starter', 'has more friends than me', 'cup'],
  ['when someone says', 'quick meeting', 'clock'],
  ['dog sees the leash', 'maximum excitement', 'dog'],
  ['printer says', 'paper jam, no paper, no', 'books'],
  ['me reading the docs', 'after trying everything else', 'books'],
  ['the group project', 'one person did it all', 'duck'],
  ['finally cleaned my room', 'cannot find anything', 'cat'],
  ['autocorrect', 'changed my name again', 'laptop'],
  ['just five more minutes', 'two hours later', 'clock'],
  ['that feeling when', 'the code review is all approvals', 'sun'],
  ['cooking show: simple recipe', '27 ingredients', 'pizza'],
  ['the bus arrives', 'as you turn the corner', 'cloud'],
  ['new year new me', '', 'clock'],
  ['wifi password', 'on the back of the router', 'laptop'],
  ['me vs the last', 'slice of pizza', 'pizza'],
  ['when the meeting', 'could have been an email', 'cup'],
  ['cat sits on keyboard', 'sends the email', 'cat'],
  ['found money', 'in last winter coat', 'sun'],
  ['the group chat', 'at 2 am', 'duck'],
  ['trying to fold', 'a fitted sheet', 'cloud'],
  ['me when the tests', 'are green', 'plant'],
  ['plans cancelled', 'secretly relieved', 'cat'],
  ['rain on the weekend', 'sun on monday', 'cloud'],
  ['update available', 'remind me tomorrow forever', 'laptop'],
  ['the tomato plant', 'one tomato', 'plant'],
  ['me pretending', 'to understand the spreadsheet', 'dog'],
  ['last day of holiday', 'already planning the next', 'sun'],
];

const THEMES: [light: string, dark: string][] = [
  ['#ffcf6b', '#ff7b54'],
  ['#7ec8e3', '#0e5fa8'],
  ['#b5e48c', '#34a0a4'],
  ['#f7aef8', '#8093f1'],
  ['#fde2e4', '#e07a9f'],
  ['#ffd6a5', '#6f9ceb'],
  ['#caffbf', '#3fa7b5'],
  ['#bdb2ff', '#ff8fab'],
  ['#ffe66d', '#2ec4b6'],
  ['#a0e7e5', '#5e60ce'],
];

const FORMATS: [ext: string, type: string][] = [
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
];

const ANNOTATORS = ['demo-ann1', 'demo-ann2', 'demo-ann3'] as const;
type DemoAnnotator = (typeof ANNOTATORS)[number];

/** Hateful answers (categories, attacks) per item; every other item of 1–20 is not hateful. */
const HATEFUL: Record<DemoAnnotator, Record<number, [pc: string[], attack: string[]]>> = {
  'demo-ann1': {
    3: [['religion'], ['mocking']],
    12: [['nationality'], ['exclusion']],
    16: [['disability'], ['mocking']],
  },
  'demo-ann2': {
    3: [['religion'], ['mocking']],
    7: [['sex'], ['contempt']],
    16: [['race'], ['inferiority']],
  },
  'demo-ann3': {
    3: [['religion'], ['mocking']],
    7: [['religion'], ['mocking']],
    12: [['race'], ['exclusion']],
    16: [['sex'], ['contempt']],
  },
};

/** How many of the first memes each synthetic annotator labeled. */
const LABELED: Record<DemoAnnotator, number> = { 'demo-ann1': 20, 'demo-ann2': 20, 'demo-ann3': 16 };

/** Flagged items and the annotator's note. */
const FLAGS: Record<DemoAnnotator, Record<number, string>> = {
  'demo-ann1': { 12: 'unsure: in-joke?' },
  'demo-ann2': { 5: 'unsure: sarcasm?' },
  'demo-ann3': {},
};

/** Three synthetic annotators: demo-ann1 and demo-ann2 on items 1–20, demo-ann3 on 1–16, so
 * 1–16 are complete (three votes, the project's target) and 17–20 wait for a third annotator (the
 * person trying the demo). Mostly not hateful (the captions are benign), with deliberate
 * disagreements and flags so the review queue and statistics have content:
 *  3  all hateful, same categories (unanimous, accepted without review)
 *  5  all not hateful, demo-ann2 flags it
 *  7  two hateful (demo-ann2, demo-ann3) with different categories and attacks (no majority)
 *  12 two hateful (demo-ann1, demo-ann3), different categories; demo-ann1 flags it
 *  16 all hateful, three different categories and attacks (no majority)
 * The lead's e2e test expects exactly these four ready items (5, 7, 12, 16) in the review queue.
 * Times are fixed: each annotator starts at a fixed UTC time and takes a made-up, repeatable time
 * per meme. */
function annotations(annotator: DemoAnnotator): AnnotationEvent[] {
  const hateful = HATEFUL[annotator];
  const flags = FLAGS[annotator];
  const n = ANNOTATORS.indexOf(annotator);
  const mult = [2311, 3571, 4513][n];
  let t = Date.UTC(2026, 10, 1 + n, [10, 14, 9][n], 0, 0);
  const events: AnnotationEvent[] = [];
  for (let id = 1; id <= LABELED[annotator]; id++) {
    const h = hateful[id];
    const note = flags[id];
    // Hateful answers and flagged items take longer: more to decide.
    const ms = Math.min(15000, 1500 + ((id * mult) % 9000) + (h ? 4000 : 0) + (note ? 1500 : 0));
    t += ms + 400 + ((id * 131) % 1700);
    const labels = normalizeLabels(h ? 'hateful' : 'not_hateful', h?.[0] ?? [], h?.[1] ?? []);
    events.push({
      v: 1,
      item: id,
      annotator,
      ...labels,
      at: new Date(t).toISOString(),
      ms,
      note: note ?? '',
      flag: note !== undefined,
    });
  }
  return events;
}

async function drawImages(): Promise<Item[]> {
  const browser = await launchChromium();
  const items: Item[] = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>demo</title>');
    // tsx (esbuild) wraps named inner functions in a `__name` helper that does not exist in the
    // page where `draw` runs: give the page one that does nothing.
    await page.evaluate('globalThis.__name = (f) => f');
    // Make sure the caption font is loaded before the first canvas uses it.
    await page.evaluate(loadCaptionFont);
    for (let i = 0; i < MEMES.length; i++) {
      const id = i + 1;
      const [ext, type] = FORMATS[i % FORMATS.length];
      const folder = id > 30 ? 'img/batch2' : 'img';
      const img = `${folder}/${String(id).padStart(5, '0')}.${ext}`;
      const [top, bottom, motif] = MEMES[i];
      const url = await page.evaluate(draw, {
        top,
        bottom,
        motif,
        colours: THEMES[i % THEMES.length],
        seed: id * 7919,
        type,
      });
      if (!url.startsWith(`data:${type};`)) throw new Error(`${img}: the canvas could not encode ${type}`);
      await writeFile(join(OUT, img), Buffer.from(url.split(',')[1], 'base64'));
      items.push({ id, set_name: 'demo', img, text: [top, bottom].filter(Boolean).join(' ') });
    }
  } finally {
    await browser.close();
  }
  return items;
}

async function main(): Promise<void> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(join(OUT, 'img/batch2'), { recursive: true });
  const items = await drawImages();
  await writeFile(join(OUT, 'demo.jsonl'), items.map((r) => JSON.stringify(r)).join('\n') + '\n');

  // initProject stamps the current time and a random queue seed; the demo keeps fixed ones so
  // every build of it is the same, so they are set through the project's own config writer.
  await initProject(OUT, { name: 'Demo memes', goldPolicy: 'fghm', targetAnnotators: 3 });
  const project = await Project.open(OUT);
  await project.saveConfig({ ...project.config, created: CREATED, queueSeed: QUEUE_SEED });
  for (const annotator of ANNOTATORS) await project.appendAnnotations(annotations(annotator));
  if (project.items.length !== MEMES.length || project.errors.length > 0)
    throw new Error(
      `the demo project opens with ${project.items.length} items and ${project.errors.length} errors`,
    );

  await writeFile(
    join(OUT, 'README.md'),
    'The demo project Meme Jury opens on first start: 40 synthetic, benign memes and three synthetic annotators.\n' +
      'Images are synthetic, generated by scripts/make-demo.ts; free to use, same licence as the project (Apache-2.0).\n',
  );
  console.log(`demo project written to ${OUT}: ${items.length} memes`);
}

await main();
