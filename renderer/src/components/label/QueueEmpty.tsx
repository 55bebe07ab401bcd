import type { QueueFilter } from '../../../../shared/queue';
import { KEYS_PASS } from '../../hotkeys';
import { QUEUE_FILTER_TITLE } from '../../model';
import { plural } from '../../../../shared/text';

type QueueEmptyProps = {
  filter: QueueFilter;
  projectName: string;
  projectItems: number;
  /** Memes still to do for me that this pass went past (skipped): the counters' "To do". */
  remaining: number;
  /** Memes the counters put in this tab (Done, Flagged, All): they are still there at its end. */
  listed: number;
  onCheckAgain: () => void;
};

/** How the end of a tab other than To do names its list and its memes. */
const LIST_OF: Record<Exclude<QueueFilter, 'todo'>, { list: string; meme: string }> = {
  done: { list: 'the done list', meme: 'meme you answered' },
  flagged: { list: 'the flagged list', meme: 'flagged meme' },
  all: { list: 'the list of all memes', meme: 'meme' },
};

/**
 * The end of this pass through the queue. When memes were skipped, it says how many are still
 * to do and takes the annotator back to them with one key (the button has the focus).
 */
export function QueueEmpty({
  filter,
  projectName,
  projectItems,
  remaining,
  listed,
  onCheckAgain,
}: QueueEmptyProps) {
  // Done, Flagged and All keep their memes after an answer: their end is the end of the list,
  // never "none" while the tab's count says otherwise.
  if (filter !== 'todo' && listed > 0) {
    const { list, meme } = LIST_OF[filter];
    return (
      <div className="empty-state" data-testid="queue-empty">
        <h2>
          End of {list}: {plural(listed, meme)}
        </h2>
        <p>
          You went through every one. Check again shows {listed === 1 ? 'it' : 'them'} again from the start;{' '}
          <kbd>←</kbd> goes back to the last one.
        </p>
        <button
          type="button"
          className="primary"
          onClick={onCheckAgain}
          // Enter presses it; the page's keys (← back, Z undo, ? help) work on it too.
          autoFocus
          {...KEYS_PASS}
          data-testid="queue-again"
        >
          Check again <kbd>Enter</kbd>
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state" data-testid="queue-empty">
      <h2>
        {remaining > 0
          ? `${plural(remaining, 'skipped meme')} still to do`
          : filter === 'todo'
            ? 'Nothing left to label here'
            : `No ${QUEUE_FILTER_TITLE[filter].toLowerCase()} memes`}
      </h2>
      <p>
        {remaining > 0
          ? 'You reached the end of this pass. Skipped memes wait for you; nobody else labels them for you.'
          : `${plural(projectItems, 'meme')} in ${projectName}. Labels synced from other annotators may add or remove work.`}
      </p>
      <button
        type="button"
        className="primary"
        onClick={onCheckAgain}
        // The only thing to do here: Enter does it, with no mouse; the page's keys work on it too.
        autoFocus
        {...KEYS_PASS}
        data-testid="queue-again"
      >
        {remaining > 0 ? 'Go through them again' : 'Check again'} <kbd>Enter</kbd>
      </button>
    </div>
  );
}
