import type { QueueFilter } from '../../../../shared/queue';
import { QUEUE_FILTER_TITLE } from '../../model';
import { plural } from '../../../../shared/text';

type QueueEmptyProps = {
  filter: QueueFilter;
  projectName: string;
  projectItems: number;
  /** Memes still to do for me that this pass went past (skipped): the counters' "To do". */
  remaining: number;
  onCheckAgain: () => void;
};

/**
 * The end of this pass through the queue. When memes were skipped, it says how many are still
 * to do and takes the annotator back to them with one key (the button has the focus).
 */
export function QueueEmpty({ filter, projectName, projectItems, remaining, onCheckAgain }: QueueEmptyProps) {
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
        // The only thing to do here: Enter does it, with no mouse.
        autoFocus
        data-testid="queue-again"
      >
        {remaining > 0 ? 'Go through them again' : 'Check again'} <kbd>Enter</kbd>
      </button>
    </div>
  );
}
