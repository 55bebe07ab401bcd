import type { ReviewList } from '../../../../shared/api';
import type { ReviewFilter, ReviewReason } from '../../../../shared/review';
import { plural } from '../../../../shared/text';
import { ATTACK_LABELS, PC_LABELS, labelTitle } from '../../../../shared/taxonomy';
import { VirtualList } from '../VirtualList';

type ReviewQueueProps = {
  filter: ReviewFilter;
  onFilter: (f: ReviewFilter) => void;
  /** The project's annotators, for the annotator filter. */
  annotators: readonly string[];
  /** Null until the first list arrives. */
  list: ReviewList | null;
  selected: number;
  onSelect: (index: number) => void;
};

/** Why a meme is in the queue, in words (typed by the reasons the backend gives). */
const REASON_TITLE: Record<ReviewReason, string> = {
  hate_tie: 'Tie on hateful',
  pc_no_majority: 'Categories split',
  attack_no_majority: 'Attacks split',
  flagged: 'Flagged',
  disagreement: 'Votes differ',
  broken: 'Image broken',
  incomplete: 'Waiting for votes',
  older_guidelines: 'Older guidelines',
};
const reasonText = (reasons: readonly ReviewReason[]): string =>
  reasons.map((x) => REASON_TITLE[x]).join(' · ');

/** The lead's filters and the (virtualised) list of memes to review, most disputed first. */
export function ReviewQueue({ filter, onFilter, annotators, list, selected, onSelect }: ReviewQueueProps) {
  const rows = list?.rows ?? [];
  return (
    <aside className="review-list">
      <div className="review-filters">
        <label>
          <input
            type="checkbox"
            checked={!!filter.anyDisagreement}
            onChange={(e) => onFilter({ ...filter, anyDisagreement: e.target.checked })}
            data-testid="filter-any"
          />{' '}
          any disagreement
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!filter.decided}
            onChange={(e) => onFilter({ ...filter, decided: e.target.checked })}
          />{' '}
          decided too
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!filter.incomplete}
            onChange={(e) => onFilter({ ...filter, incomplete: e.target.checked })}
            data-testid="filter-incomplete"
          />{' '}
          waiting for votes (to close early)
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!filter.olderGuidelines}
            onChange={(e) => onFilter({ ...filter, olderGuidelines: e.target.checked })}
            data-testid="filter-older-guidelines"
          />{' '}
          made under older guidelines ({plural(list?.olderGuidelines ?? 0, 'vote')})
        </label>
        <select
          value={filter.task ?? ''}
          onChange={(e) =>
            onFilter({ ...filter, task: (e.target.value || undefined) as ReviewFilter['task'] })
          }
          aria-label="Task"
        >
          <option value="">all tasks</option>
          <option value="hate">hate</option>
          <option value="pc">categories</option>
          <option value="attack">attacks</option>
        </select>
        <select
          value={filter.label ?? ''}
          onChange={(e) => onFilter({ ...filter, label: e.target.value || undefined })}
          aria-label="Label"
        >
          <option value="">any label</option>
          {[...PC_LABELS, ...ATTACK_LABELS].map((l) => (
            <option key={l} value={l}>
              {labelTitle(l)}
            </option>
          ))}
        </select>
        <select
          value={filter.annotator ?? ''}
          onChange={(e) => onFilter({ ...filter, annotator: e.target.value || undefined })}
          aria-label="Annotator"
        >
          <option value="">any annotator</option>
          {annotators.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" data-testid="review-count">
        {rows.length.toLocaleString()}{' '}
        {filter.olderGuidelines
          ? 'with votes under older guidelines'
          : filter.incomplete
            ? 'waiting for votes'
            : 'to review'}{' '}
        · {list?.autoAccepted.toLocaleString() ?? 0} accepted automatically ·{' '}
        {list?.ready.toLocaleString() ?? 0} of {plural(list?.labeled ?? 0, 'labeled meme')} ready
      </p>
      <VirtualList
        rows={rows}
        rowHeight={34}
        height={560}
        testId="review-rows"
        // A focused row takes ↓/↑ (and J/K) to move the focus along the list, Enter to show its
        // meme; decision keys stay off there (they act on the meme on display, from the page).
        arrowKeys
        render={(r, i) => (
          <button
            type="button"
            className={`review-row${i === selected ? ' on' : ''}`}
            aria-current={i === selected ? 'true' : undefined}
            aria-label={`Show meme #${String(r.id)}: ${reasonText(r.reasons)}`}
            onClick={() => onSelect(i)}
            data-testid={`review-row-${String(r.id)}`}
          >
            <span className="rid">#{String(r.id)}</span>
            <span className="reasons" title={reasonText(r.reasons)}>
              {reasonText(r.reasons)}
            </span>
            <span
              className="dis"
              style={{ width: `${Math.round(r.disagreement * 40)}px` }}
              title={`disagreement ${r.disagreement.toFixed(2)}`}
            />
          </button>
        )}
      />
    </aside>
  );
}
