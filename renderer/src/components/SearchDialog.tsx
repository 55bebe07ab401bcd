import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../shared/api';
import type { ItemId } from '../../../shared/records';
import { call, messageOf } from '../api';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

type SearchDialogProps = {
  onPick: (id: ItemId) => void;
  onClose: () => void;
};

const DEBOUNCE_MS = 120;

/**
 * Go to a meme: type its id or words of its text. Enter opens the first match; ↓ and ↑ move
 * through the matches, Enter opens the focused one. A lead searches the whole project, an
 * annotator their own queue.
 */
export function SearchDialog({ onPick, onClose }: SearchDialogProps) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; found: SearchResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!query.trim()) return;
    let live = true;
    const t = setTimeout(() => {
      call('item:search', { query, limit: 30 })
        .then((found) => {
          if (!live) return;
          setResult({ query, found });
          setError(null);
        })
        .catch((e: unknown) => live && setError(messageOf(e)));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);
  const shown = query.trim() ? (result?.found ?? null) : null;
  // Enter opens the first match of what is typed now, never of an earlier, shorter query.
  const openFirst = (): void => {
    if (!query.trim()) return;
    const pick = (r: SearchResult): void => {
      if (r.results[0]) onPick(r.results[0].id);
    };
    if (result?.query === query) pick(result.found);
    else
      call('item:search', { query, limit: 30 })
        .then(pick)
        .catch((e: unknown) => setError(messageOf(e)));
  };
  const focusRow = (i: number): void => {
    const rows = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (rows && rows.length) rows[Math.max(0, Math.min(rows.length - 1, i))].focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLButtonElement>, i: number): void => {
    if (e.key === 'ArrowDown') focusRow(i + 1);
    else if (e.key === 'ArrowUp') {
      if (i === 0) list.current?.parentElement?.querySelector<HTMLInputElement>('input')?.focus();
      else focusRow(i - 1);
    } else return;
    e.preventDefault();
  };
  return (
    <Modal title="Go to a meme" onClose={onClose} testId="search-dialog">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          openFirst();
        }}
      >
        <input
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // ↓ moves into the matches; Enter submits the form (the first match).
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusRow(0);
            }
          }}
          placeholder="id, or words of the text"
          aria-label="Meme id or text"
          data-testid="search-input"
          autoFocus
        />
      </form>
      <ErrorBanner message={error} />
      {shown && (
        <p className="muted" data-testid="search-count" aria-live="polite">
          {shown.total === 0
            ? // An annotator searches only their queue: a meme of the project outside it is not
              // "no meme", and the message says where it looked.
              `No meme in ${shown.scope === 'project' ? 'this project' : 'your queue'} matches “${result?.query.trim() ?? ''}”.`
            : `${shown.total.toLocaleString()} match${shown.total === 1 ? '' : 'es'} in ${shown.scope === 'project' ? 'the project' : 'your queue'}${shown.total > shown.results.length ? `; the first ${shown.results.length} are shown` : ''}.`}
        </p>
      )}
      <ul className="search-results" ref={list} data-testid="search-results">
        {shown?.results.map((r, i) => (
          <li key={String(r.id)}>
            <button type="button" onClick={() => onPick(r.id)} onKeyDown={(e) => onRowKey(e, i)}>
              <strong>#{String(r.id)}</strong> <span className="muted">{r.text || '(no text)'}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Modal>
  );
}
