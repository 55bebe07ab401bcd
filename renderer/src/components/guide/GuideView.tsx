import { useId, useMemo, useState } from 'react';
import { guideBlocks, type GuidelinesView } from '../../../../shared/guidelines';
import { Markdown } from './Markdown';

type GuideViewProps = {
  guide: Pick<GuidelinesView, 'markdown' | 'short' | 'source'>;
  /** The heading level the guide sits under. */
  top?: number;
  testId?: string;
};

/**
 * The annotation guidelines as a reader sees them: their version, a content warning, and the
 * examples (which describe hateful memes) hidden until the reader deliberately opens them.
 */
export function GuideView({ guide, top = 2, testId = 'guide' }: GuideViewProps) {
  const [showExamples, setShowExamples] = useState(false);
  const blocks = useMemo(() => guideBlocks(guide.markdown), [guide.markdown]);
  const bodyId = useId();
  const examples = blocks.some((b) => b.example);
  return (
    <div className="guide" data-testid={testId}>
      <p className="guide-version muted">
        Version <code data-testid="guide-version">{guide.short}</code>
        {guide.source === 'default'
          ? ' · the built-in guidelines (this project has none of its own yet)'
          : ''}
      </p>
      {examples && (
        <div className="banner warn guide-warning" role="note" data-testid="guide-warning">
          <strong>Content warning.</strong> The examples describe hateful memes in plain words: dehumanizing
          comparisons, slurs, calls for exclusion or violence. They stay hidden until you choose to show them.{' '}
          <button
            type="button"
            aria-expanded={showExamples}
            aria-controls={bodyId}
            onClick={() => setShowExamples((s) => !s)}
            data-testid="guide-show-examples"
          >
            {showExamples ? 'Hide the examples' : 'Show the examples'}
          </button>
        </div>
      )}
      <div id={bodyId} className="guide-body">
        <Markdown blocks={blocks} showExamples={showExamples} top={top} />
      </div>
    </div>
  );
}
