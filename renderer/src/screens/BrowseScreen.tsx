import { useEffect, useState } from 'react';
import type { ItemView } from '../../../shared/api';
import type { ItemId } from '../../../shared/records';
import type { Preferences } from '../../../shared/settings';
import { call, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ThumbGrid } from '../components/browse/ThumbGrid';
import { useQuery } from '../data/useQuery';
import { plural } from '../../../shared/text';

const PAGE = 48;

type BrowseScreenProps = { prefs: Preferences; onOpen: (id: ItemId) => void };

/**
 * The lead's view of every meme as thumbnails (blurred while the preference says so), a page at
 * a time, with search by id or text. Enter on a thumbnail opens the meme in Review.
 */
export function BrowseScreen({ prefs, onOpen }: BrowseScreenProps) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  // One page at a time from the backend: an empty search lists every meme of the project.
  const search = useQuery(
    'item:search',
    { query, limit: PAGE, offset: page * PAGE },
    { refreshOn: ['project:changed'] },
  );
  const total = search.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const shown = search.data?.results.map((r) => r.id) ?? [];
  const key = shown.map(String).join('\u0000');
  const [views, setViews] = useState<{ key: string; items: ItemView[] }>({ key: '', items: [] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    call('item:get', { ids: key.split('\u0000').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) })
      .then((items) => live && setViews({ key, items }))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <div className="browse" data-testid="browse">
      {/* Enter in the search field goes to the first match: the arrow keys then move through
          the grid and Enter opens a meme. */}
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          document.querySelector<HTMLButtonElement>('[data-testid="thumb-grid"] button')?.focus();
        }}
      >
        <input
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(0);
          }}
          placeholder="search id or text"
          aria-label="Search memes by id or text"
          data-testid="browse-search"
        />
        <span className="muted" data-testid="browse-count">
          {plural(total, 'meme')} · page {page + 1} of {pages}
        </span>
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          Previous page
        </button>
        <button type="button" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)}>
          Next page
        </button>
      </form>
      <ErrorBanner message={error ?? search.error} />
      <ThumbGrid
        items={views.key === key ? views.items : []}
        blur={prefs.blurImages}
        greyscale={prefs.greyscale}
        onOpen={onOpen}
      />
    </div>
  );
}
