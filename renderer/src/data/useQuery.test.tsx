// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewList, RightsSummary } from '../../../shared/api';
import type { ReviewFilter } from '../../../shared/review';
import { FakeBackend, flush } from '../test/fakeApi';
import { useQuery } from './useQuery';

const list = (n: number): ReviewList => ({
  rows: Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    reasons: [],
    disagreement: 0,
    votes: 2,
    decided: false,
  })),
  labeled: n,
  ready: n,
  autoAccepted: 0,
  olderGuidelines: 0,
});

const summary = (items: number): RightsSummary => ({
  counts: { consent: {}, licence: {}, region: {}, source: {} } as RightsSummary['counts'],
  items,
  withProvenance: 0,
  tombstones: [],
});

let backend: FakeBackend;
beforeEach(() => {
  backend = new FakeBackend().install();
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('useQuery', () => {
  it('calls the channel with its arguments and returns the answer', async () => {
    backend.answer('review:list', () => list(3));
    const { result } = renderHook(() => useQuery('review:list', { filter: { anyDisagreement: true } }));
    expect(result.current).toMatchObject({ data: null, error: null, loading: true });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data?.rows).toHaveLength(3);
    expect(backend.callsOf('review:list').map((c) => c.args)).toStrictEqual([
      { filter: { anyDisagreement: true } },
    ]);
  });

  it('compares arguments by value: a new but equal object does not fetch again', async () => {
    backend.answer('review:list', () => list(1));
    const { result, rerender } = renderHook(
      ({ f }: { f: ReviewFilter }) => useQuery('review:list', { filter: f }),
      {
        initialProps: { f: { task: 'pc' } },
      },
    );
    await waitFor(() => expect(result.current.loading).toBe(false));
    for (let i = 0; i < 5; i++) rerender({ f: { task: 'pc' } });
    await act(flush);
    expect(backend.callsOf('review:list')).toHaveLength(1);
    rerender({ f: { task: 'attack' } });
    await waitFor(() => expect(backend.callsOf('review:list')).toHaveLength(2));
    expect(backend.callsOf('review:list')[1].args).toStrictEqual({ filter: { task: 'attack' } });
  });

  it('fetches again on each refreshOn event, and stops listening when unmounted', async () => {
    let items = 5;
    backend.answer('rights:summary', () => summary(items));
    const { result, unmount } = renderHook(() =>
      useQuery('rights:summary', undefined, { refreshOn: ['project:changed'] }),
    );
    await waitFor(() => expect(result.current.data?.items).toBe(5));
    items = 4;
    act(() => backend.emit('project:changed', { reason: 'forget', annotators: [] }));
    await waitFor(() => expect(result.current.data?.items).toBe(4));
    expect(backend.callsOf('rights:summary')).toHaveLength(2);
    // An event it does not subscribe to changes nothing.
    act(() => backend.emit('task:progress', { task: 'export', done: 1, total: 2 }));
    await act(flush);
    expect(backend.callsOf('rights:summary')).toHaveLength(2);
    unmount();
    expect(backend.listenerCount('project:changed')).toBe(0);
  });

  it('ignores an answer to arguments that have since changed, whatever order the answers come in', async () => {
    backend.hold('review:item');
    const { result, rerender } = renderHook(({ id }: { id: number }) => useQuery('review:item', { id }), {
      initialProps: { id: 1 },
    });
    rerender({ id: 2 });
    const [first, second] = backend.pending('review:item');
    expect([first.args, second.args]).toStrictEqual([{ id: 1 }, { id: 2 }]);
    const view = (id: number) => ({ item: { id } }) as never;
    await act(async () => second.resolve(view(2)));
    expect(result.current.data).toStrictEqual({ item: { id: 2 } });
    expect(result.current.loading).toBe(false);
    await act(async () => first.resolve(view(1)));
    expect(result.current.data).toStrictEqual({ item: { id: 2 } });
  });

  it('ignores a failure that arrives after a newer refresh succeeded', async () => {
    backend.hold('rights:summary');
    const { result } = renderHook(() => useQuery('rights:summary', undefined));
    act(() => result.current.refresh());
    const [stale, fresh] = backend.pending('rights:summary');
    await act(async () => fresh.resolve(summary(7)));
    await act(async () => stale.reject(new Error('disk gone')));
    expect(result.current).toMatchObject({ data: { items: 7 }, error: null, loading: false });
  });

  it('drops an answer that arrives after unmount', async () => {
    backend.hold('rights:summary');
    const { result, unmount } = renderHook(() => useQuery('rights:summary', undefined));
    unmount();
    await act(async () => backend.pending('rights:summary')[0].resolve(summary(1)));
    expect(result.current.data).toBeNull();
  });

  it('shows an error, keeps the last data, and clears the error when a later fetch succeeds', async () => {
    let fail = false;
    backend.answer('rights:summary', () => {
      if (fail) throw new Error('project folder is gone');
      return summary(3);
    });
    const { result } = renderHook(() => useQuery('rights:summary', undefined));
    await waitFor(() => expect(result.current.data?.items).toBe(3));
    fail = true;
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.error).toBe('project folder is gone'));
    expect(result.current.data?.items).toBe(3);
    expect(result.current.loading).toBe(false);
    fail = false;
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(result.current.data?.items).toBe(3);
  });

  it('fetches nothing while disabled, and fetches once enabled', async () => {
    backend.answer('review:item', ({ id }) => ({ item: { id } }) as never);
    const { result, rerender } = renderHook(
      ({ id }: { id: number | null }) => useQuery('review:item', { id: id ?? 0 }, { enabled: id !== null }),
      { initialProps: { id: null as number | null } },
    );
    await act(flush);
    expect(backend.calls).toHaveLength(0);
    expect(result.current).toMatchObject({ data: null, error: null, loading: false });
    rerender({ id: 9 });
    await waitFor(() => expect(result.current.data).toStrictEqual({ item: { id: 9 } }));
    rerender({ id: null });
    expect(result.current.data).toBeNull();
  });

  it('setData replaces the answer with a mutation result without fetching', async () => {
    backend.answer('rights:summary', () => summary(2));
    const { result } = renderHook(() => useQuery('rights:summary', undefined));
    await waitFor(() => expect(result.current.data?.items).toBe(2));
    act(() => result.current.setData((s) => (s ? { ...s, withProvenance: 1 } : s)));
    expect(result.current.data).toMatchObject({ items: 2, withProvenance: 1 });
    expect(backend.callsOf('rights:summary')).toHaveLength(1);
  });

  it('a fetch sent before a mutation never overwrites the mutation result that setData put in', async () => {
    backend.hold('rights:summary');
    const { result } = renderHook(() => useQuery('rights:summary', undefined));
    const [initial] = backend.pending('rights:summary');
    await act(async () => initial.resolve(summary(5)));
    // A refresh (say, an event) goes out; the mutation's own answer arrives first.
    act(() => result.current.refresh());
    const [before] = backend.pending('rights:summary');
    act(() => result.current.setData({ ...summary(5), withProvenance: 1 }));
    expect(result.current).toMatchObject({ data: { withProvenance: 1 }, loading: false });
    await act(async () => before.resolve(summary(5)));
    expect(result.current.data).toMatchObject({ withProvenance: 1 });
    // A fetch sent after it is taken as usual.
    act(() => result.current.refresh());
    const [after] = backend.pending('rights:summary');
    await act(async () => after.resolve({ ...summary(5), withProvenance: 2 }));
    expect(result.current.data).toMatchObject({ withProvenance: 2 });
  });

  it('an update of an answer that is not there yet leaves the fetch under way to land', async () => {
    backend.hold('rights:summary');
    const { result } = renderHook(() => useQuery('rights:summary', undefined));
    // As the label screen merges queue counts into a progress that has not arrived yet.
    act(() => result.current.setData((s) => (s ? { ...s, withProvenance: 9 } : s)));
    await act(async () => backend.pending('rights:summary')[0].resolve(summary(4)));
    expect(result.current).toMatchObject({ data: { items: 4, withProvenance: 0 }, loading: false });
  });
});
