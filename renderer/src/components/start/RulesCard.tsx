import { useState } from 'react';
import type { AppInfo, ProjectSummary } from '../../../../shared/api';
import {
  QUEUE_ORDERS,
  SUGGESTION_MODES,
  type QueueOrder,
  type SuggestionMode,
} from '../../../../shared/project';
import { call, messageOf } from '../../api';
import { ErrorBanner } from '../ErrorBanner';
import { plural } from '../../../../shared/text';

type RulesCardProps = { project: ProjectSummary; info: AppInfo; onProject: (p: ProjectSummary) => void };

const ORDER_TITLE: Record<QueueOrder, string> = {
  shared: 'shared order (every annotator alike)',
  uncertain: 'most uncertain first (the model’s entropy)',
  disputed: 'most disputed first (votes so far disagree)',
};
const SUGGEST_TITLE: Record<SuggestionMode, string> = {
  off: 'off',
  after: 'shown after the annotator’s own first answer',
  preselect: 'pre-selected',
};

/**
 * A lead's rules for the team's queues: order, model suggestions, hidden known-answer memes and a
 * qualification round; attaching predictions and importing known answers. Changes need lead mode.
 */
export function RulesCard({ project, info, onProject }: RulesCardProps) {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [predPath, setPredPath] = useState('');
  const [knownPath, setKnownPath] = useState('');
  const r = project.rules;
  const off = !project.lead;
  const run = (p: Promise<unknown>, done?: string): void =>
    void p
      .then(() => {
        setError(null);
        setNotice(done ?? null);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  const set = (rules: Parameters<typeof call<'project:setRules'>>[1]): void =>
    run(call('project:setRules', rules).then(onProject));
  const refresh = async (): Promise<void> => {
    const p = await call('project:current', undefined);
    if (p) onProject(p);
  };
  return (
    <section className="card" data-testid="rules">
      <h2>Queues and suggestions</h2>
      {off && <p className="muted">Turn on lead mode (Team) to change these.</p>}
      <div className="rules-grid">
        <label>
          Queue order{' '}
          <select
            value={r.queueOrder}
            disabled={off}
            onChange={(e) => set({ queueOrder: e.target.value as QueueOrder })}
            data-testid="rule-order"
          >
            {QUEUE_ORDERS.map((o) => (
              <option key={o} value={o}>
                {ORDER_TITLE[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model suggestions{' '}
          <select
            value={r.suggestions}
            disabled={off}
            onChange={(e) => set({ suggestions: e.target.value as SuggestionMode })}
            data-testid="rule-suggestions"
          >
            {SUGGESTION_MODES.map((m) => (
              <option key={m} value={m}>
                {SUGGEST_TITLE[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Known-answer memes, share of each queue (%){' '}
          <input
            type="number"
            min={0}
            max={50}
            value={Math.round(r.knownRate * 100)}
            disabled={off}
            onChange={(e) => set({ knownRate: Math.min(50, Math.max(0, Number(e.target.value))) / 100 })}
            data-testid="rule-known-rate"
          />
        </label>
        <label>
          Qualification round (known memes first, with feedback){' '}
          <input
            type="number"
            min={0}
            max={100}
            value={r.qualification}
            disabled={off}
            onChange={(e) =>
              set({ qualification: Math.min(100, Math.max(0, Math.round(Number(e.target.value)))) })
            }
            data-testid="rule-qualification"
          />
        </label>
      </div>
      <p className="muted">
        {plural(project.predictions, 'prediction')} attached · {plural(project.known, 'known-answer meme')}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            call('predictions:attach', info.dialogs ? {} : { file: predPath.trim() }).then(async (x) => {
              await refresh();
              return x;
            }),
            'Predictions attached.',
          );
        }}
      >
        {!info.dialogs && (
          <input
            value={predPath}
            onChange={(e) => setPredPath(e.target.value)}
            placeholder="predictions.jsonl (in the project folder)"
            aria-label="Predictions file to attach"
            disabled={off}
            data-testid="predictions-path"
          />
        )}
        <button
          type="submit"
          disabled={off || (!info.dialogs && !predPath.trim())}
          data-testid="predictions-attach"
        >
          Attach predictions
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            call('known:import', info.dialogs ? {} : { file: knownPath.trim() }).then(async (x) => {
              await refresh();
              return x;
            }),
            'Known answers imported.',
          );
        }}
      >
        {!info.dialogs && (
          <input
            value={knownPath}
            onChange={(e) => setKnownPath(e.target.value)}
            placeholder="known.jsonl (FGHM records with gold)"
            aria-label="Known answers file to import"
            disabled={off}
            data-testid="known-path"
          />
        )}
        <button
          type="submit"
          disabled={off || (!info.dialogs && !knownPath.trim())}
          data-testid="known-import"
        >
          Import known answers
        </button>
      </form>
      {notice && (
        <p className="banner ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner message={error} />
    </section>
  );
}
