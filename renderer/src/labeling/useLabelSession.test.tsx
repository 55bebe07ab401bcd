// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyLabel, UndoResult } from '../../../shared/api';
import { emptyDraft } from '../model';
import {
  backend,
  hateful,
  inFlight,
  mine,
  notHateful,
  progress,
  saveResult,
  startSession,
} from '../test/labelSession';
import { flush } from '../test/fakeApi';
import { useLabelSession } from './useLabelSession';

describe('useLabelSession: optimistic save', () => {
  it('a page being closed sends a save waiting for its frame at once', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save(hateful));
    // Microtasks only (no frame, no timer): the save is queued, waiting for its frame.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(backend.callsOf('annotation:save')).toHaveLength(0);
    window.dispatchEvent(new Event('pagehide'));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(backend.callsOf('annotation:save')).toHaveLength(1);
    backend.pending('annotation:save')[0].resolve(saveResult(11, 1));
    await act(flush);
  });

  it('a label screen opened while a save is on its way takes its queue and counts after it', async () => {
    backend.hold('annotation:save');
    const first = await startSession();
    act(() => first.result.current.save(notHateful));
    const call = await inFlight('annotation:save');
    first.unmount();
    const before = backend.calls.length;
    // Another screen opens (My figures and back) before the save is answered.
    const second = renderHook(() => useLabelSession('todo'));
    await act(flush);
    expect(backend.calls.slice(before).map((c) => c.channel)).not.toContain('queue:list');
    mine.set(11, { hate: 'not_hateful', pc: [], attack: [], note: '', flag: false, at: '' });
    call.resolve(saveResult(11, 1));
    // Its queue comes after the save, and its counts count it.
    await waitFor(() => expect(second.result.current.progress?.counts.done).toBe(1));
    const after = backend.calls.slice(before).map((c) => c.channel);
    expect(after).toContain('queue:list');
  });

  it('shows the next meme before the save resolves; "saved" only after the backend replies', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();

    act(() => result.current.save(hateful));
    // The next meme is on screen while the save is still in flight.
    expect(result.current.current?.id).toBe(12);
    expect(result.current.draft).toStrictEqual(emptyDraft());
    expect(result.current.status).toStrictEqual({ state: 'saving', pending: 1 });
    const call = await inFlight('annotation:save');
    expect(result.current.current?.id).toBe(12);
    expect(call.args).toMatchObject({
      item: 11,
      hate: 'hateful',
      pc: ['race'],
      attack: ['dehumanizing'],
      note: 'n1',
      flag: true,
    });
    expect(result.current.status.state).toBe('saving');

    await act(async () => call.resolve(saveResult(11, 1)));
    expect(result.current.status).toStrictEqual({ state: 'saved', item: 11, at: '2026-01-01T00:00:00.000Z' });
    // The progress shown is the one the backend returned with the save.
    expect(result.current.progress?.counts.done).toBe(1);
    expect(result.current.canUndo).toBe(true);
  });

  it('stays "saving" while a second save is in flight, and says "saved" after the last', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save(notHateful));
    act(() => result.current.save(notHateful));
    expect(result.current.current?.id).toBe(13);
    expect(result.current.status).toStrictEqual({ state: 'saving', pending: 2 });
    // Saves are serialised: the second reaches the backend only after the first is answered.
    const first = await inFlight('annotation:save');
    expect(backend.callsOf('annotation:save').map((c) => c.args.item)).toStrictEqual([11]);
    await act(async () => first.resolve(saveResult(11, 1)));
    expect(result.current.status).toStrictEqual({ state: 'saving', pending: 1 });
    const second = await inFlight('annotation:save');
    expect(second.args.item).toBe(12);
    await act(async () => second.resolve(saveResult(12, 2)));
    expect(result.current.status).toMatchObject({ state: 'saved', item: 12 });
  });

  it('not hateful clears categories and attacks in what is sent', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save({ ...hateful, hate: 'not_hateful' }));
    expect((await inFlight('annotation:save')).args).toMatchObject({
      item: 11,
      hate: 'not_hateful',
      pc: [],
      attack: [],
    });
  });

  it('saves that fail one after another are all named, until a save works again', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save(hateful));
    act(() => result.current.save(hateful));
    const first = await inFlight('annotation:save');
    await act(async () => first.reject(new Error('server gone')));
    const second = await inFlight('annotation:save');
    await act(async () => second.reject(new Error('server gone')));
    expect(result.current.status).toStrictEqual({ state: 'error', items: [11, 12], message: 'server gone' });
  });

  it('a failed save shows the error and restores the item as it was', async () => {
    backend.hold('annotation:save');
    const { result } = await startSession();
    act(() => result.current.save(hateful));
    expect(result.current.current?.id).toBe(12);

    const call = await inFlight('annotation:save');
    expect(result.current.status.state).toBe('saving');
    await act(async () => call.reject(new Error('disk full')));
    expect(result.current.status).toStrictEqual({ state: 'error', items: [11], message: 'disk full' });
    // Nothing to undo: the label never reached the disk.
    expect(result.current.canUndo).toBe(false);
    // Going back shows the meme without the label that was not saved.
    act(() => result.current.back());
    expect(result.current.current?.id).toBe(11);
    expect(result.current.current?.mine).toBeNull();
    expect(result.current.draft).toStrictEqual(emptyDraft());
  });
});

describe('useLabelSession: undo', () => {
  it('an undo issued while its save is in flight reaches the backend after that save', async () => {
    backend.hold('annotation:save').hold('annotation:undo');
    const { result } = await startSession();
    act(() => result.current.save(notHateful));
    let undone!: Promise<void>;
    act(() => {
      undone = result.current.undo();
    });
    await act(flush);
    // The undo waits for the save: the backend has seen only the save so far.
    expect(backend.channels.filter((c) => c.startsWith('annotation:'))).toStrictEqual(['annotation:save']);

    const save = await inFlight('annotation:save');
    await act(flush);
    expect(backend.channels.filter((c) => c.startsWith('annotation:'))).toStrictEqual(['annotation:save']);
    await act(async () => save.resolve(saveResult(11, 1)));
    await act(flush);
    expect(backend.channels.filter((c) => c.startsWith('annotation:'))).toStrictEqual([
      'annotation:save',
      'annotation:undo',
    ]);
    const undo = await inFlight('annotation:undo');
    expect(undo.args).toStrictEqual({ item: 11 });
    const answer: UndoResult = { item: 11, mine: null, progress: progress(0) };
    await act(async () => {
      undo.resolve(answer);
      await undone;
    });
    expect(result.current.current?.id).toBe(11);
    expect(result.current.draft).toStrictEqual(emptyDraft());
    expect(result.current.progress?.counts.done).toBe(0);
    expect(result.current.status).toStrictEqual({ state: 'undone', item: 11, what: 'not hateful' });
    expect(result.current.canUndo).toBe(false);
  });

  it('restores the previous label with its note and flag, as the backend returns it', async () => {
    const earlier: MyLabel = {
      hate: 'hateful',
      pc: ['religion'],
      attack: ['mocking'],
      note: 'first thought',
      flag: true,
      at: '2025-12-31T00:00:00.000Z',
    };
    mine.set(11, earlier);
    backend.hold('annotation:undo');
    backend.answer('annotation:save', ({ item }) => saveResult(item, 1));
    const { result } = await startSession();
    // My earlier label is the draft; I change my mind and save "not hateful".
    expect(result.current.draft).toStrictEqual({
      hate: 'hateful',
      pc: ['religion'],
      attack: ['mocking'],
      note: 'first thought',
      flag: true,
    });
    act(() => result.current.save({ ...result.current.draft, hate: 'not_hateful', note: '', flag: false }));
    await waitFor(() => expect(result.current.status.state).toBe('saved'));
    expect(result.current.current?.id).toBe(12);

    let undone!: Promise<void>;
    act(() => {
      undone = result.current.undo();
    });
    const undo = await inFlight('annotation:undo');
    await act(async () => {
      undo.resolve({ item: 11, mine: earlier, progress: progress(1) });
      await undone;
    });
    expect(result.current.current?.id).toBe(11);
    expect(result.current.current?.mine).toStrictEqual(earlier);
    expect(result.current.draft).toStrictEqual({
      hate: 'hateful',
      pc: ['religion'],
      attack: ['mocking'],
      note: 'first thought',
      flag: true,
    });
  });

  it('undoes the newest save first', async () => {
    backend.answer('annotation:save', ({ item }) => saveResult(item, 1));
    backend.answer('annotation:undo', ({ item }) => ({ item, mine: null, progress: progress(0) }));
    const { result } = await startSession();
    act(() => result.current.save(notHateful));
    act(() => result.current.save(hateful));
    await waitFor(() => expect(result.current.status.state).toBe('saved'));
    await act(() => result.current.undo());
    await act(() => result.current.undo());
    expect(backend.callsOf('annotation:undo').map((c) => c.args.item)).toStrictEqual([12, 11]);
    expect(result.current.current?.id).toBe(11);
    expect(result.current.canUndo).toBe(false);
  });
});
