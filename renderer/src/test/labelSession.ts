// The label session's tests share this: a fake backend that keeps my labels as the real one
// does, the session started on it, and the calls it has in flight. Importing it registers the
// backend before each test and removes it after (its bindings are live: \`backend\` and \`mine\`
// are each test's own).
import { act, cleanup, renderHook, waitFor, type RenderHookResult } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import type { ItemView, MyLabel, Progress, SaveResult } from '../../../shared/api';
import type { QueueCounts } from '../../../shared/queue';
import type { ItemId } from '../../../shared/records';
import { useLabelSession, type LabelSession } from '../labeling/useLabelSession';
import { emptyDraft, type Draft } from '../model';
import { FakeBackend, flush } from './fakeApi';

export const IDS = [11, 12, 13, 14];

export const counts = (done: number): QueueCounts => ({
  todo: IDS.length - done,
  done,
  flagged: 0,
  all: IDS.length,
  complete: 0,
  distressing: 0,
});
export const progress = (done: number): Progress => ({
  counts: counts(done),
  items: IDS.length,
  annotations: done,
});

export const view = (id: ItemId, mine: MyLabel | null = null): ItemView => ({
  id,
  img: `img/${String(id)}.png`,
  text: `meme ${String(id)}`,
  set_name: null,
  missing: false,
  mine,
  suggestion: null,
});

export const hateful: Draft = {
  hate: 'hateful',
  pc: ['race'],
  attack: ['dehumanizing'],
  note: 'n1',
  flag: true,
};
export const notHateful: Draft = { ...emptyDraft(), hate: 'not_hateful' };

export let backend: FakeBackend;
/** The backend's own record of my labels, as the real one keeps it. */
export let mine: Map<ItemId, MyLabel>;

beforeEach(() => {
  mine = new Map();
  backend = new FakeBackend()
    .answer('queue:list', ({ filter }) => ({ filter: filter, ids: IDS, counts: counts(mine.size) }))
    .answer('progress:get', () => progress(mine.size))
    .answer('item:get', ({ ids }) => ids.map((id) => view(id, mine.get(id) ?? null)))
    .install();
});
afterEach(() => {
  cleanup();
  delete window.api;
});

export async function startSession(): Promise<RenderHookResult<LabelSession, unknown>> {
  const hook = renderHook(() => useLabelSession('todo'));
  await waitFor(() => expect(hook.result.current.current?.id).toBe(11));
  await waitFor(() => expect(hook.result.current.progress).not.toBeNull());
  return hook;
}

/** The oldest unanswered call of `channel`, once the session's serial chain has sent it. */
export async function inFlight<C extends 'annotation:save' | 'annotation:undo'>(channel: C) {
  await act(flush);
  const [call] = backend.pending(channel);
  expect(call, `a ${channel} call in flight`).toBeDefined();
  return call;
}

export const saveResult = (item: ItemId, done: number): SaveResult => ({
  item,
  at: '2026-01-01T00:00:00.000Z',
  saved: true,
  progress: progress(done),
  feedback: null,
});
