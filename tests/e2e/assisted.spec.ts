// Issue 12 parts 2–4 in a real browser, by keyboard: a lead attaches predictions and sets the
// queue rules, annotators see suggestions as set (recorded on their lines), known-answer memes
// come first in a qualification round with feedback, and a larger roster is assigned memes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { becomeLead, goToMeme, openLabeling, serveDemoPerTest, startServe } from './serve';

async function jsonl<T>(path: string): Promise<T[]> {
  return (await readFile(path, 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

async function tabTo(page: Page, testId: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.getByTestId(testId).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

const demo = serveDemoPerTest(['--annotator', 'lead-1']);

async function restartAs(annotator: string): Promise<void> {
  await demo.served.stop();
  demo.served = await startServe(demo.project, demo.userData, ['--annotator', annotator]);
}

test('a lead attaches predictions and sets suggestions; an annotator sees them after answering, and the line says so', async ({
  page,
}) => {
  // Predictions for every demo meme: 17–20 (the memes waiting for a vote) look hateful to the model.
  // The scorer wants a score for every class, as the official one does.
  const scores = (labels: string[], high: string) =>
    Object.fromEntries(labels.map((l) => [l, l === high ? 0.8 : 0.05]));
  const rows = Array.from({ length: 40 }, (_, i) => {
    const h = i + 1 >= 17 && i + 1 <= 20 ? 0.91 : 0.08;
    return {
      id: i + 1,
      pred_hate: { hateful: h, not_hateful: 1 - h },
      pred_pc: scores(['pc_empty', 'race', 'disability', 'religion', 'nationality', 'sex'], 'religion'),
      pred_attack: scores(
        [
          'attack_empty',
          'contempt',
          'mocking',
          'inferiority',
          'slurs',
          'exclusion',
          'dehumanizing',
          'inciting_violence',
        ],
        'mocking',
      ),
    };
  });
  await writeFile(join(demo.project, 'model.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await page.goto(demo.served.url);
  await becomeLead(page);
  await tabTo(page, 'predictions-path');
  await page.keyboard.type('model.jsonl');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rules')).toContainText('40 predictions attached');
  await tabTo(page, 'rule-suggestions');
  await page.keyboard.press('ArrowDown'); // off → after
  await expect(page.getByTestId('rule-suggestions')).toHaveValue('after');

  await restartAs('ann-s');
  await openLabeling(page, demo.served.url);
  // Meme 30 first: not hateful saves at once, so the suggestion is never on screen.
  await goToMeme(page, '30');
  await expect(page.getByTestId('item-id')).toHaveText('#30');
  await page.keyboard.press('n');
  // Then meme 17, which the model calls hateful: the suggestion appears after the first answer.
  await goToMeme(page, '17');
  await expect(page.getByTestId('item-id')).toHaveText('#17');
  await expect(page.getByTestId('suggestion')).toHaveCount(0);
  await page.keyboard.press('h');
  await expect(page.getByTestId('suggestion')).toContainText(
    'The model suggests: hateful · religion, mocking',
  );
  // Beside the answer it is about, in view on a small laptop window, and announced (a status).
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(page.getByRole('status').filter({ hasText: 'The model suggests' })).toBeInViewport();
  for (const k of ['3', 'w', 'Enter']) await page.keyboard.press(k);
  const lines = () =>
    jsonl<{ item: number; model?: { shown: string; hate: string } }>(
      join(demo.project, '.memejury/annotations/ann-s.jsonl'),
    );
  await expect.poll(async () => (await lines()).length).toBe(2);
  const [second, first] = await lines();
  expect(first).toMatchObject({ item: 17, model: { shown: 'after', hate: 'hateful' } });
  expect(second.model).toBeUndefined();

  // The lead's Score screen scores the attached predictions live, per split.
  await restartAs('lead-1');
  await page.goto(demo.served.url);
  await page.getByTestId('nav-score').click();
  await expect(page.getByTestId('attached-score')).toContainText('40 predictions');
  await expect(page.getByTestId('attached-demo')).toBeVisible();
  await expect(page.getByTestId('model-agreement')).toContainText('ann-s');
});

test('known-answer memes come first in a qualification round, with the definitions of what was missed', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  await tabTo(page, 'rule-qualification');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('rule-qualification')).toHaveValue('1');
  // Meme 25 becomes a known answer: hateful, religion, mocking (decided in Review by keyboard).
  await page.getByTestId('nav-review').click();
  await goToMeme(page, '25');
  await expect(page.getByTestId('review-item-id')).toHaveText('#25');
  for (const k of ['h', '3', 'w']) await page.keyboard.press(k);
  await tabTo(page, 'known-set');
  await page.keyboard.press('Enter');
  // A confirmation names the meme and the labels that become its known answer.
  await expect(page.getByTestId('known-confirm')).toContainText('#25');
  await expect(page.getByTestId('known-confirm-labels')).toHaveText(
    'hateful · categories: religion · attacks: mocking',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-readiness')).toHaveText('known answer');
  await expect(page.getByTestId('review-item-id')).toHaveText('#25');
  const known = await jsonl<{ item: number; hate: string }>(join(demo.project, '.memejury/known.jsonl'));
  expect(known).toMatchObject([{ item: 25, hate: 'hateful', pc: ['religion'], attack: ['mocking'] }]);

  await restartAs('new-ann');
  await openLabeling(page, demo.served.url);
  // Unannounced: it looks like any meme, but it comes first.
  await expect(page.getByTestId('item-id')).toHaveText('#25');
  for (const k of ['h', '1', 'w', 'Enter']) await page.keyboard.press(k);
  const fb = page.getByTestId('qualification-feedback');
  await expect(fb).toContainText('The known answer: hateful · religion, mocking');
  await expect(page.getByTestId('qualification-missed')).toContainText('religion');
  await expect(page.getByTestId('qualification-extra')).toContainText('race');
  await expect(page.getByTestId('qualification-continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fb).toBeHidden();
  // The next answer, a regular meme, gets no feedback.
  await page.keyboard.press('n');
  await expect(page.getByTestId('saved-indicator')).toHaveAttribute('data-state', 'saved');
  await expect(fb).toHaveCount(0);

  // The lead sees the accuracy on known memes.
  await restartAs('lead-1');
  await page.goto(demo.served.url);
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('known-new-ann')).toContainText('100%');
});

test('with more annotators on the roster than the target, each sees only their assigned memes', async ({
  page,
}) => {
  await page.goto(demo.served.url);
  await becomeLead(page);
  for (const a of ['p1', 'p2', 'p3', 'p4', 'p5']) {
    await tabTo(page, 'add-member');
    await page.keyboard.type(a);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`assigned-${a}`)).toBeVisible();
  }
  const assigned = async (a: string) =>
    Number(((await page.getByTestId(`assigned-${a}`).textContent()) ?? '').replace(/\D/g, ''));
  // 40 memes × 3 votes over 5 annotators.
  const counts = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map(assigned));
  expect(counts.reduce((x, y) => x + y, 0)).toBe(120);
  // p2 leaves: the other four take their memes, still 3 each (with only 3 left, all would label all).
  await tabTo(page, 'member-p2');
  await page.keyboard.press('Space');
  // Asked first; Enter on the focused answer confirms.
  await expect(page.getByTestId('team-confirm')).toContainText('Mark p2 as having left the team?');
  await expect(page.getByTestId('team-confirm-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('assigned-p2')).toHaveText('—');
  const after = await Promise.all(['p1', 'p3', 'p4', 'p5'].map(assigned));
  expect(after.reduce((x, y) => x + y, 0)).toBe(120);
  const p3 = after[1];

  await restartAs('p3');
  await openLabeling(page, demo.served.url);
  // p3's to-do: assigned memes that still need a vote (memes 1–16 have their three already).
  const todo = Number(((await page.getByTestId('filter-todo').textContent()) ?? '').replace(/\D/g, ''));
  expect(todo).toBeGreaterThan(0);
  expect(todo).toBeLessThanOrEqual(p3);
  const config = JSON.parse(await readFile(join(demo.project, '.memejury/project.json'), 'utf8')) as {
    roster: { id: string; left?: string }[];
  };
  expect(config.roster.find((r) => r.id === 'p2')?.left).toBeTruthy();
});
