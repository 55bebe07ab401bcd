import type { QueueFilter } from '../../../../shared/queue';
import { QUEUE_FILTER_TITLE } from '../../model';

type QueueEmptyProps = {
  filter: QueueFilter;
  projectName: string;
  projectItems: number;
  onCheckAgain: () => void;
};

/** The end of the queue: nothing (left) to show under this filter. */
export function QueueEmpty({ filter, projectName, projectItems, onCheckAgain }: QueueEmptyProps) {
  return (
    <div className="empty-state" data-testid="queue-empty">
      <h2>
        {filter === 'todo'
          ? 'Nothing left to label here'
          : `No ${QUEUE_FILTER_TITLE[filter].toLowerCase()} memes`}
      </h2>
      <p>
        {projectItems.toLocaleString()} memes in {projectName}. Labels synced from other annotators may add or
        remove work.
      </p>
      <button type="button" className="primary" onClick={onCheckAgain}>
        Check again
      </button>
    </div>
  );
}
