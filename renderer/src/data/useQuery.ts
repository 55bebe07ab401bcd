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
  const [settled, setSettled] = useState<Settled<ResultOf<C>>>({ request: null, data: null, error: null });
  const request = `${channel}\n${argsKey}\n${version}`;
  const latest = useRef(request);
  useEffect(() => {
    latest.current = request;
  }, [request]);
  // Bumped by setData: a fetch sent before a mutation's answer must not overwrite it when it
  // arrives later (it read the state before the mutation).
  const epoch = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const sent = epoch.current;
    const parsed = (argsKey === '' ? undefined : JSON.parse(argsKey)) as ArgsOf<C>;
    call(channel, parsed).then(
      (data) => {
        if (live && sent === epoch.current) setSettled({ request, data, error: null });
      },
      (e: unknown) => {
        if (live && sent === epoch.current)
          setSettled((s) => ({ request, data: s.data, error: messageOf(e) }));
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
    epoch.current++;
    setSettled((s) => ({
      request: latest.current,
      data:
        typeof data === 'function' ? (data as (p: ResultOf<C> | null) => ResultOf<C> | null)(s.data) : data,
      error: null,
    }));
  }, []);

  return {
    data: enabled ? settled.data : null,
    error: enabled ? settled.error : null,
    loading: enabled && settled.request !== request,
    refresh,
    setData,
  };
}
