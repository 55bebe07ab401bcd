// Takes the README's screenshots of every screen in browser mode (the Chromium scripts/chromium.ts
// finds), on a copy of the demo project. Run after `npm run build`: npx tsx scripts/screenshots.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'tests/e2e/screenshots');

/** Serves `project`; files to read (predictions to score) are named relative to `imports`. */
function serve(
  project: string,
  imports: string,
  userData: string,
): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        join(ROOT, 'out/cli/memejury.mjs'),
        'serve',
        '--project',
        project,
        '--imports',
        imports,
        '--annotator',
        'ann-a',
      ],
      {
        env: { ...process.env, MEMEJURY_USER_DATA: userData },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(buf);
      if (m) resolve({ url: m[1], proc });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

const work = await mkdtemp(join(tmpdir(), 'memejury-shots-'));
const project = join(work, 'Demo memes');
await cp(join(ROOT, 'electron/resources/demo'), project, { recursive: true });
await writeFile(
  join(work, 'predictions.jsonl'),
  Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      id: i + 1,
      pred_hate: { hateful: ((i * 37) % 100) / 100, not_hateful: 1 - ((i * 37) % 100) / 100 },
      pred_pc: { pc_empty: 0.8, race: 0.1, religion: 0.05, sex: 0.02, nationality: 0.02, disability: 0.01 },
      pred_attack: {
        attack_empty: 0.7,
        mocking: 0.1,
        contempt: 0.1,
        exclusion: 0.05,
        inferiority: 0.05,
        slurs: 0,
        dehumanizing: 0,
        inciting_violence: 0,
      },
    }),
  ).join('\n') + '\n',
);
const { url, proc } = await serve(project, work, join(work, 'user'));
await mkdir(OUT, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
try {
  await page.goto(url);
  await page.getByTestId('content-warning').waitFor();
  await shot('content-warning');
  await page.keyboard.press('Enter');
  await page.getByTestId('item-id').waitFor();
  await shot('label-blurred');
  for (const k of ['n', 'n', 'Space', 'h', '3', 'w']) await page.keyboard.press(k);
  await page.waitForTimeout(300);
  await shot('label');
  await page.keyboard.press('Shift+Slash');
  await page.waitForTimeout(200);
  await shot('help');
  await page.keyboard.press('Escape');
  // The guidelines on I, the examples behind a warning.
  await page.keyboard.press('i');
  await page.getByTestId('guide-dialog').waitFor();
  await page.waitForTimeout(200);
  await shot('guide');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('coffee');
  await page.getByTestId('search-count').waitFor();
  await shot('search');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-mine').click();
  await page.getByTestId('my-figures').waitFor();
  await shot('my-figures');
  await page.getByTestId('nav-start').click();
  await page.waitForTimeout(200);
  await shot('start');
  // The demo has no lead yet: this profile takes the role, as a new lead does.
  await page.getByTestId('become-lead').click();
  await page.getByTestId('roster').waitFor();
  await shot('team');
  // The lead's guidelines: a new version saved; the versions with the votes made under each.
  await page.getByTestId('open-guide').click();
  await page.getByTestId('guide-edit').click();
  const source = page.getByTestId('guide-source');
  await source.fill(
    (await source.inputValue()).replace(
      'Race, ethnicity, skin colour or descent:',
      'Race, ethnicity, skin colour, descent or caste:',
    ),
  );
  await page.getByTestId('guide-save').click();
  await page.getByTestId('guide-saved').waitFor();
  await source.evaluate((el) => (el.scrollTop = 0));
  await page.getByTestId('guideline-versions').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shot('guidelines');
  await page.getByTestId('nav-browse').click();
  await page.getByTestId('thumb-1').waitFor();
  await page.waitForTimeout(300);
  await shot('browse');
  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-item').waitFor();
  await page.keyboard.press('Space');
  await page.waitForTimeout(200);
  await shot('review');
  await page.getByTestId('nav-stats').click();
  await page.getByTestId('dashboard').waitFor();
  await shot('dashboard', true);
  await page.getByTestId('nav-export').click();
  await page.getByTestId('export-preview').waitFor();
  await shot('export');
  await page.getByTestId('nav-score').click();
  await page.getByTestId('score-path').fill('predictions.jsonl');
  await page.getByTestId('score-run').click();
  await page.getByTestId('score-report').waitFor();
  await shot('score');
  await page.getByTestId('nav-rights').click();
  await page.getByTestId('rights').waitFor();
  await page.getByTestId('rights-id').fill('7');
  await page.getByTestId('rights-lookup').click();
  await page.getByTestId('prov-source').fill('community submissions');
  await page.getByTestId('prov-licence').fill('CC-BY-4.0');
  await page.getByTestId('prov-consent').selectOption('yes');
  await page.getByTestId('prov-region').fill('EU');
  await page.getByTestId('prov-save').click();
  await page.getByTestId('audit-run').click();
  await page.getByTestId('audit-result').waitFor();
  await shot('rights', true);
  await page.getByTestId('open-preferences').click();
  await page.waitForTimeout(200);
  await shot('preferences');
  await page.keyboard.press('Escape');
  // The break reminder, with the clock moved on 20 minutes.
  await page.clock.install();
  await page.reload();
  await page.getByTestId('content-warning').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('item-id').waitFor();
  for (const k of ['h', '1', 'q', 'Enter', 'n']) await page.keyboard.press(k);
  await page.clock.fastForward('20:01');
  await page.getByTestId('break-reminder').waitFor();
  await shot('break');
} finally {
  await browser.close();
  proc.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}
console.log(`screenshots in ${OUT}`);
