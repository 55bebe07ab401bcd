// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyLabel } from '../../../shared/api';
import {
  backend,
  counts,
  hateful,
  inFlight,
  mine,
  notHateful,
  saveResult,
  startSession,
  view,
} from '../test/labelSession';
import { flush } from '../test/fakeApi';
import { useLabelSession } from './useLabelSession';

describe('useLabelSession: back and relabel', () => {
  it('going back shows my earlier label as the draft; saving again sends a new save for that item', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save(hateful));
    const first = await inFlight('annotation:save');
    await act(async () => first.resolve(saveResult(11, 1)));
    expect(result.current.current?.id).toBe(12);

    act(() => result.current.back());
    expect(result.current.current?.id).toBe(11);
    expect(result.current.pos).toBe(0);
    expect(result.current.draft).toStrictEqual(hateful);
    expect(result.current.current?.mine).toMatchObject({
      hate: 'hateful',
      pc: ['race'],
      note: 'n1',
      flag: true,
    });

    // Relabel: change the answer in the draft, then save again.
    act(() => result.current.setDraft((d) => ({ ...d, pc: ['race', 'sex'], note: 'second look' })));
    act(() => result.current.save(result.current.draft));
    expect(result.current.current?.id).toBe(12);
    const again = await inFlight('annotation:save');
    expect(backend.callsOf('annotation:save')).toHaveLength(2);
    expect(again.args).toMatchObject({
      item: 11,
      hate: 'hateful',
      pc: ['race', 'sex'],
      attack: ['dehumanizing'],
      note: 'second look',
      flag: true,
    });
    await act(async () => again.resolve(saveResult(11, 1)));
    expect(result.current.status).toMatchObject({ state: 'saved', item: 11 });
    // Back again: the draft is the new label.
    act(() => result.current.back());
    expect(result.current.draft).toMatchObject({ pc: ['race', 'sex'], note: 'second look' });
  });

  it('keys faster than React renders act in order: two skips, then a save of the meme they reached', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    // All three in one act(): no render between them, as with keys pressed within one frame.
    act(() => {
      const s = result.current;
      s.next();
      s.next();
      s.save(notHateful);
    });
    expect(result.current.current?.id).toBe(14);
    const call = await inFlight('annotation:save');
    expect(call.args).toMatchObject({ item: 13, hate: 'not_hateful' });
  });

  it('a meme fetched for an earlier move never replaces the one a later move showed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => 100 + i);
    backend.answer('queue:list', ({ filter }) => ({ filter, ids: many, counts: counts(0) }));
    const hook = renderHook(() => useLabelSession('todo'));
    const { result } = hook;
    await waitFor(() => expect(result.current.current?.id).toBe(100));
    await act(flush);
    backend.hold('item:get');
    // Far past the prefetched memes a move waits for a fetch; a move back to a cached one does not.
    act(() => result.current.jumpTo(130));
    expect(result.current.loading).toBe(true);
    act(() => result.current.jumpTo(101));
    expect(result.current.current?.id).toBe(101);
    expect(backend.pending('item:get').length).toBeGreaterThan(0);
    await act(async () => {
      for (const c of backend.pending('item:get')) c.resolve(c.args.ids.map((id) => view(id)));
    });
    expect(result.current.current?.id).toBe(101);
  });

  it('after a jump back to a skipped meme, Save & next passes over memes answered since', async () => {
    const { result } = await startSession();
    act(() => result.current.next()); // skip 11
    act(() => result.current.save(notHateful)); // 12
    act(() => result.current.save(notHateful)); // 13
    expect(result.current.current?.id).toBe(14);
    act(() => void result.current.jumpTo(11));
    act(() => result.current.save(notHateful));
    expect(result.current.current?.id).toBe(14);
    // Back still shows an earlier answer, to look at or change.
    act(() => result.current.back());
    expect(result.current.current?.id).toBe(13);
    expect(result.current.current?.mine).toMatchObject({ hate: 'not_hateful' });
    await waitFor(() => expect(backend.callsOf('annotation:save')).toHaveLength(3));
    expect(backend.callsOf('annotation:save').map((c) => c.args.item)).toStrictEqual([12, 13, 11]);
  });

  it('skipping moves on without saving; back from the first meme stays there', async () => {
    const { result } = await startSession();
    act(() => result.current.back());
    expect(result.current.current?.id).toBe(11);
    act(() => result.current.next());
    expect(result.current.current?.id).toBe(12);
    expect(backend.callsOf('annotation:save')).toHaveLength(0);
  });
});

describe('useLabelSession: sync', () => {
  it('labels synced in refresh the progress but not the queue; a forgotten meme reloads the queue', async () => {
    const { result } = await startSession();
    const queueCalls = backend.callsOf('queue:list').length;
    mine.set(14, { ...notHateful, at: '' } as MyLabel);
    act(() => backend.emit('project:changed', { reason: 'sync', annotators: ['ann-b'] }));
    await waitFor(() => expect(result.current.progress?.counts.done).toBe(1));
    expect(backend.callsOf('queue:list')).toHaveLength(queueCalls);
    act(() => backend.emit('project:changed', { reason: 'forget', annotators: [] }));
    await waitFor(() => expect(backend.callsOf('queue:list')).toHaveLength(queueCalls + 1));
  });
});
