import type { ReactNode } from 'react';
import type { ItemView } from '../../../../shared/api';
import type { Hate, Task } from '../../../../shared/taxonomy';
import type { Draft } from '../../model';
import { formatCount } from '../../numbers';
import { LabelPanel } from '../LabelPanel';

type LabelSidebarProps = {
  item: ItemView;
  /** Position in the queue (0-based) and the queue's length. */
  pos: number;
  /** What the position reads: the meme's number (null: answered already) of `total`. */
  place: { n: number | null; total: number };
  draft: Draft;
  /** The image cannot be shown: nothing to label, only moving on. */
  disabled: boolean;
  hint: string | null;
  onHate: (hate: Hate) => void;
  onToggle: (task: Task, label: string) => void;
  onFlag: () => void;
  onNote: () => void;
  onBack: () => void;
  onSkip: () => void;
  onSkipDistressing: () => void;
  onSubmit: () => void;
  /** What the model suggests, when it is shown: beside the answer it is about, in view. */
  suggestion?: ReactNode;
};

/** The meme's id, text and my answer beside the image, with a button for every key. */
export function LabelSidebar(p: LabelSidebarProps) {
  const { item, draft } = p;
  return (
    <aside className="side">
      <div className="item-meta" data-testid="item-meta">
        <span data-testid="item-id">#{String(item.id)}</span>
        {item.set_name && <span className="split">{item.set_name}</span>}
        <span className="pos" data-testid="item-pos">
          {/* No number: out of my to-do already, answered or skipped for good (distressing, broken). */}
          {p.place.n === null ? (item.mine?.skip ? 'skipped' : 'answered') : formatCount(p.place.n)} /{' '}
          {formatCount(p.place.total)}
        </span>
        {item.mine?.hate && <span className="badge">labeled</span>}
      </div>
      <blockquote className="meme-text" data-testid="meme-text">
        {item.text || <em>(no text)</em>}
      </blockquote>
      {p.suggestion}
      <LabelPanel draft={draft} onHate={p.onHate} onToggle={p.onToggle} disabled={p.disabled} />
      <div className="actions">
        <button
          type="button"
          className={draft.flag ? 'on' : ''}
          onClick={p.onFlag}
          data-testid="flag"
          disabled={p.disabled}
        >
          <kbd>F</kbd> {draft.flag ? 'Flagged' : 'Flag'}
        </button>
        <button type="button" onClick={p.onNote} data-testid="note" disabled={p.disabled}>
          <kbd>C</kbd> {draft.note ? 'Edit note' : 'Note'}
        </button>
        <button type="button" onClick={p.onBack} disabled={p.pos === 0}>
          <kbd>←</kbd> Back
        </button>
        <button type="button" onClick={p.onSkip}>
          <kbd>→</kbd> Skip
        </button>
        <button
          type="button"
          onClick={p.onSkipDistressing}
          data-testid="skip-distressing"
          title="No reason needed; never counted against you"
        >
          <kbd>D</kbd> Skip: distressing
        </button>
        <button
          type="button"
          className="primary"
          onClick={p.onSubmit}
          data-testid="save"
          disabled={p.disabled}
        >
          <kbd>Enter</kbd> Save &amp; next
        </button>
      </div>
      {draft.note && (
        <p className="note-preview" data-testid="note-preview">
          Note: {draft.note}
        </p>
      )}
      {p.hint && (
        <p className="hint" role="status">
          {p.hint}
        </p>
      )}
    </aside>
  );
}
