// The one way a screen reads from the backend: a channel of the contract, its arguments, and the
// events after which the answer may have changed. Every fetch effect of the renderer is this hook.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiEvents, ArgsOf, Channel, ResultOf } from '../../../shared/api';
import { call, messageOf, onEvent } from '../api';

export interface QueryOptions {
  /** Backend events after which the query runs again (e.g. labels synced in: `project:changed`). */
  refreshOn?: readonly (keyof ApiEvents)[];
  /** false: nothing is fetched, and `data` and `error` are null. Default true. */
  enabled?: boolean;
}

export interface Query<T> {
  /** The latest answer; kept while a newer one loads (arguments changed, refresh), and after an error. */
  data: T | null;
  /** The message of the latest fetch if it failed; cleared by the next success. */
  error: string | null;
  /** A fetch for the current arguments is under way. */
  loading: boolean;
  /** Fetches again (after a mutation this screen made). */
  refresh: () => void;
  /** Replaces the answer with one the caller already has (a mutation's result). */
  setData: (data: T | null | ((previous: T | null) => T | null)) => void;
}

interface Settled<T> {
  /** Which request this is the answer to: channel, arguments and refresh count. */
  request: string | null;
  data: T | null;
  error: string | null;
  /** How many answers setData has put in: a fetch sent before the latest one is stale. */
  epoch: number;
}

/**
 * `useQuery('review:list', { filter }, { refreshOn: ['project:changed'] })`. Arguments are
 * compared by value (JSON), so an inline object does not refetch on every render; an answer that
 * arrives after the arguments changed, after a newer refresh, after setData or after unmount is
 * dropped.
 */
export function useQuery<C extends Channel>(
  channel: C,
  args: ArgsOf<C>,
  options: QueryOptions = {},
): Query<ResultOf<C>> {
  const enabled = options.enabled ?? true;
  const argsKey = JSON.stringify(args) ?? '';
  const eventsKey = (options.refreshOn ?? []).join(',');
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<ResultOf<C>>>({
    request: null,
    data: null,
    error: null,
    epoch: 0,
  });
  const request = `${channel}\n${argsKey}\n${version}`;
  const latest = useRef(request);
  useEffect(() => {
    latest.current = request;
  }, [request]);
  // The epoch of the answer on hand, for fetches to note when they are sent: a fetch sent before
  // a mutation's answer (setData) read the state before the mutation and must not replace it.
  const epoch = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const sent = epoch.current;
    const parsed = (argsKey === '' ? undefined : JSON.parse(argsKey)) as ArgsOf<C>;
    call(channel, parsed).then(
      (data) => {
        if (live) setSettled((s) => (s.epoch > sent ? s : { request, data, error: null, epoch: s.epoch }));
      },
      (e: unknown) => {
        if (live)
          setSettled((s) =>
            s.epoch > sent ? s : { request, data: s.data, error: messageOf(e), epoch: s.epoch },
          );
      },
    );
    return () => {
      live = false;
    };
  }, [channel, argsKey, request, enabled]);

  useEffect(() => {
    if (!eventsKey) return;
    const bump = (): void => setVersion((v) => v + 1);
    const offs = eventsKey.split(',').map((e) => onEvent(e as keyof ApiEvents, bump));
    return () => offs.forEach((off) => off());
  }, [eventsKey]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback<Query<ResultOf<C>>['setData']>((data) => {
    setSettled((s) => {
      const next =
        typeof data === 'function' ? (data as (p: ResultOf<C> | null) => ResultOf<C> | null)(s.data) : data;
      // Nothing new (an update of an answer not yet here): the fetch under way still counts.
      if (next === s.data) return s;
      epoch.current = s.epoch + 1;
      return { request: latest.current, data: next, error: null, epoch: s.epoch + 1 };
    });
  }, []);

  return {
    data: enabled ? settled.data : null,
    error: enabled ? settled.error : null,
    loading: enabled && settled.request !== request,
    refresh,
    setData,
  };
}
