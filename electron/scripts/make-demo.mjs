// Generates the embedded demo project (electron/resources/demo): 40 synthetic, benign memes
// drawn on a canvas in headless Chromium (Debian's, through Playwright; nothing downloaded),
// an item list, and two synthetic annotators' labels for the first 20 memes so the lead's
// screens have something to show. Run: node electron/scripts/make-demo.mjs
import { chromium } from '@playwright/test';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../resources/demo');

const CAPTIONS = [
  ['when the coffee kicks in', 'at exactly 5 pm'],
  ['me explaining my code', 'to the rubber duck'],
  ['monday morning', 'loading…'],
  ['the cat knocked it over', 'and felt nothing'],
  ['one more episode', 'said no one at 3 am ever'],
  ['it works on my machine', 'ship the machine'],
  ['diet starts tomorrow', 'since 2019'],
  ['weather app says sunny', 'bring an umbrella'],
  ['when the build passes', 'on the first try'],
  ['me at the gym', 'looking at the snack bar'],
  ['exam tomorrow', 'time to reorganise my desk'],
  ['the plant I forgot', 'is thriving'],
  ['reply all', 'the sequel nobody asked for'],
  ['my sourdough starter', 'has more friends than me'],
  ['when someone says', 'quick meeting'],
  ['dog sees the leash', 'maximum excitement'],
  ['printer says', 'paper jam, no paper, no'],
  ['me reading the docs', 'after trying everything else'],
  ['the group project', 'one person did it all'],
  ['finally cleaned my room', 'cannot find anything'],
  ['autocorrect', 'ducking helpful'],
  ['just five more minutes', 'two hours later'],
  ['that feeling when', 'the code review is all approvals'],
  ['cooking show: simple recipe', '27 ingredients'],
  ['the bus arrives', 'as you turn the corner'],
  ['new year new me', 'same me, new calendar'],
  ['wifi password', 'on the back of the router'],
  ['me vs the last', 'slice of pizza'],
  ['when the meeting', 'could have been an email'],
  ['cat sits on keyboard', 'sends the email'],
  ['found money', 'in last winter coat'],
  ['the group chat', 'at 2 am'],
  ['trying to fold', 'a fitted sheet'],
  ['me when the tests', 'are green'],
  ['plans cancelled', 'secretly relieved'],
  ['rain on the weekend', 'sun on monday'],
  ['update available', 'remind me tomorrow forever'],
  ['the tomato plant', 'one tomato'],
  ['me pretending', 'to understand the spreadsheet'],
  ['last day of holiday', 'already planning the next'],
];

const THEMES = [
  ['#ffcf6b', '#ff7b54'],
  ['#7ec8e3', '#0e5fa8'],
  ['#b5e48c', '#34a0a4'],
  ['#f7aef8', '#8093f1'],
  ['#fde2e4', '#e2a3c7'],
  ['#ffd6a5', '#a0c4ff'],
  ['#caffbf', '#9bf6ff'],
  ['#bdb2ff', '#ffc6ff'],
];

/** Runs in the page: draws one meme and returns it as a data URL. */
function draw({ top, bottom, colours, seed, type }) {
  const c = document.createElement('canvas');
  c.width = 400;
  c.height = 300;
  const g = c.getContext('2d');
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  // PNGs get a flat background (few colours compress well); photos-like formats a gradient.
  const grad = g.createLinearGradient(0, 0, 400, 300);
  grad.addColorStop(0, colours[0]);
  grad.addColorStop(1, colours[1]);
  g.fillStyle = type === 'image/png' ? colours[1] : grad;
  g.fillRect(0, 0, 400, 300);
  for (let i = 0; i < 6; i++) {
    g.fillStyle = type === 'image/png' ? colours[0] : `rgba(255,255,255,${0.15 + rnd() * 0.2})`;
    g.beginPath();
    g.arc(rnd() * 400, rnd() * 300, 15 + rnd() * 50, 0, Math.PI * 2);
    g.fill();
  }
  // A simple character: a round face with ears or a mug, picked by the seed.
  const cx = 200;
  const cy = 160;
  g.fillStyle = seed % 2 ? '#f4a261' : '#e9ecef';
  if (seed % 3 === 0) {
    g.fillRect(cx - 45, cy - 40, 90, 95);
    g.strokeStyle = '#495057';
    g.lineWidth = 8;
    g.beginPath();
    g.arc(cx + 55, cy + 5, 22, -Math.PI / 2, Math.PI / 2);
    g.stroke();
    g.fillStyle = '#6f4518';
    g.fillRect(cx - 40, cy - 35, 80, 15);
  } else {
    g.beginPath();
    g.moveTo(cx - 55, cy - 30);
    g.lineTo(cx - 40, cy - 80);
    g.lineTo(cx - 15, cy - 45);
    g.moveTo(cx + 55, cy - 30);
    g.lineTo(cx + 40, cy - 80);
    g.lineTo(cx + 15, cy - 45);
    g.fill();
    g.beginPath();
    g.arc(cx, cy, 60, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#212529';
    g.beginPath();
    g.arc(cx - 22, cy - 10, 7, 0, Math.PI * 2);
    g.arc(cx + 22, cy - 10, 7, 0, Math.PI * 2);
    g.fill();
    g.strokeStyle = '#212529';
    g.lineWidth = 3;
    g.beginPath();
    g.arc(cx, cy + 12, 16, 0.15 * Math.PI, 0.85 * Math.PI);
    g.stroke();
  }
  const caption = (text, y) => {
    g.font = 'bold 30px "DejaVu Sans Condensed", "DejaVu Sans", sans-serif';
    g.textAlign = 'center';
    g.lineJoin = 'round';
    let size = 30;
    while (g.measureText(text.toUpperCase()).width > 380 && size > 16) {
      size -= 2;
      g.font = `bold ${size}px "DejaVu Sans Condensed", "DejaVu Sans", sans-serif`;
    }
    g.lineWidth = 6;
    g.strokeStyle = '#000';
    g.strokeText(text.toUpperCase(), 200, y);
    g.fillStyle = '#fff';
    g.fillText(text.toUpperCase(), 200, y);
  };
  caption(top, 42);
  caption(bottom, 282);
  return c.toDataURL(type, 0.72);
}

const FORMATS = [
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
];

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(join(OUT, 'img/batch2'), { recursive: true });
  await mkdir(join(OUT, '.memejury/annotations'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage();
  const items = [];
  for (let i = 0; i < CAPTIONS.length; i++) {
    const id = i + 1;
    const [ext, type] = FORMATS[i % FORMATS.length];
    const folder = id > 30 ? 'img/batch2' : 'img';
    const img = `${folder}/${String(id).padStart(5, '0')}.${ext}`;
    const [top, bottom] = CAPTIONS[i];
    const url = await page.evaluate(draw, {
      top,
      bottom,
      colours: THEMES[i % THEMES.length],
      seed: id * 7919,
      type,
    });
    await writeFile(join(OUT, img), Buffer.from(url.split(',')[1], 'base64'));
    items.push({ id, set_name: 'demo', img, text: `${top} ${bottom}` });
  }
  await browser.close();
  await writeFile(join(OUT, 'demo.jsonl'), items.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await writeFile(
    join(OUT, '.memejury/project.json'),
    JSON.stringify(
      {
        version: 1,
        name: 'Demo memes',
        taxonomy: 'fghm-2021',
        goldPolicy: 'fghm',
        targetAnnotators: 3,
        roster: [],
        created: '2026-11-01T09:00:00.000Z',
        queueSeed: 'demo',
      },
      null,
      2,
    ) + '\n',
  );
  // Two synthetic annotators on items 1–20: mostly not hateful (the captions are benign), a few
  // deliberate disagreements and flags, so review and statistics have content.
  const HATEFUL = {
    3: [['religion'], ['mocking']],
    7: [['sex'], ['contempt']],
    12: [['nationality'], ['exclusion']],
    16: [['disability'], ['mocking']],
  };
  const plan = {
    'demo-ann1': (id) => (id === 3 || id === 12 || id === 16 ? 'h' : 'n'),
    'demo-ann2': (id) => (id === 3 || id === 7 || id === 16 ? 'h' : 'n'),
  };
  for (const [annotator, choose] of Object.entries(plan)) {
    const lines = [];
    for (let id = 1; id <= 20; id++) {
      const hateful = choose(id) === 'h';
      let [pc, attack] = hateful ? HATEFUL[id] : [[], []];
      if (hateful && id === 16 && annotator === 'demo-ann2') [pc, attack] = [['race'], ['inferiority']];
      const flag = (annotator === 'demo-ann1' && id === 12) || (annotator === 'demo-ann2' && id === 5);
      const at = new Date(Date.UTC(2026, 10, annotator === 'demo-ann1' ? 1 : 2, 10, 0, id * 7)).toISOString();
      lines.push(
        JSON.stringify({
          v: 1,
          item: id,
          annotator,
          hate: hateful ? 'hateful' : 'not_hateful',
          pc,
          attack,
          at,
          ms: 1500 + ((id * 2311) % 13500),
          note: flag ? 'unsure: sarcasm?' : '',
          flag,
        }),
      );
    }
    await writeFile(join(OUT, `.memejury/annotations/${annotator}.jsonl`), lines.join('\n') + '\n');
  }
  await writeFile(
    join(OUT, 'README.md'),
    'The demo project Meme Jury opens on first start: 40 synthetic, benign memes and two synthetic annotators.\n' +
      'Images are generated by electron/scripts/make-demo.mjs; same licence as the project (Apache-2.0).\n',
  );
}

await main();
