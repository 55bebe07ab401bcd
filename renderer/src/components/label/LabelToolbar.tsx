import type { QueueCounts } from '../../../../shared/queue';
import { QUEUE_FILTERS, type QueueFilter } from '../../../../shared/queue';
import { QUEUE_FILTER_TITLE, type SaveStatus } from '../../model';
import { formatCount } from '../../numbers';
import { ProgressBar } from '../ProgressBar';
import { SaveIndicator } from '../SaveIndicator';

type LabelToolbarProps = {
  filter: QueueFilter;
  onFilter: (f: QueueFilter) => void;
  /** Null until the first progress arrives. */
  counts: QueueCounts | null;
  /** Memes in the project (the project bar's whole). */
  projectItems: number;
  status: SaveStatus;
  onHelp: () => void;
  onSearch: () => void;
};

/** Queue tabs with their counts, my and the project's progress, the save mark, the keys button. */
export function LabelToolbar({
  filter,
  onFilter,
  counts,
  projectItems,
  status,
  onHelp,
  onSearch,
}: LabelToolbarProps) {
  return (
    <div className="toolbar">
      <div className="filters" role="tablist" aria-label="Queue">
        {QUEUE_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={filter === f}
            className={filter === f ? 'on' : ''}
            onClick={() => onFilter(f)}
            data-testid={`filter-${f}`}
          >
            {QUEUE_FILTER_TITLE[f]} {counts ? <span className="count">{formatCount(counts[f])}</span> : null}
          </button>
        ))}
      </div>
      {counts && (
        <>
          <ProgressBar
            label="Mine"
            done={counts.done}
            total={counts.done + counts.todo}
            testId="progress-mine"
          />
          <ProgressBar
            label="Project"
            done={counts.complete}
            total={projectItems}
            testId="progress-project"
          />
        </>
      )}
      <SaveIndicator status={status} />
      <button type="button" className="ghost" onClick={onSearch} data-testid="open-search">
        Go to <kbd>/</kbd>
      </button>
      <button type="button" className="ghost" onClick={onHelp} data-testid="open-help">
        Keys <kbd>?</kbd>
      </button>
    </div>
  );
}
