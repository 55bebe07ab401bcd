import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectSummary, ReviewItem, ReviewList } from '../../../shared/api';
import type { ReviewFilter } from '../../../shared/review';
import type { Preferences } from '../../../shared/settings';
import { ATTACK_LABELS, PC_LABELS, TASK_EMPTY, labelTitle, type Task } from '../../../shared/taxonomy';
import { api, onEvent } from '../api';
import { HelpOverlay } from '../components/HelpOverlay';
import { NoteDialog } from '../components/NoteDialog';
import { VirtualList } from '../components/VirtualList';
import { REVIEW_ACTIONS, useActions, type Handlers } from '../hotkeys';
import { emptyDraft, type Draft } from '../labeling/useLabelSession';
import { ReviewItemPanel } from './ReviewItemPanel';

type ReviewScreenProps = {
  project: ProjectSummary;
  prefs: Preferences;
  onProject: (p: ProjectSummary) => void;
};

const REASON_TITLE: Record<string, string> = {
  hate_tie: 'hate tie',
  pc_no_majority: 'categories split',
  attack_no_majority: 'attacks split',
  flagged: 'flagged',
  disagreement: 'disagreement',
};

function draftFrom(r: ReviewItem): Draft {
  const src = r.decision ?? {
    hate: r.policyGold.hate,
    pc: r.policyGold.pc.labels.filter((l) => l !== TASK_EMPTY.pc),
    attack: r.policyGold.attack.labels.filter((l) => l !== TASK_EMPTY.attack),
    note: '',
  };
  return {
    ...emptyDraft(),
    hate: (src.hate as Draft['hate']) ?? null,
    pc: [...src.pc],
    attack: [...src.attack],
    note: src.note,
  };
}

/** The lead's queue of disputed memes and the decision for each. */
export function ReviewScreen({ project, prefs, onProject }: ReviewScreenProps) {
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [list, setList] = useState<ReviewList | null>(null);
  const [sel, setSel] = useState(0);
  const [item, setItem] = useState<{ data: ReviewItem; draft: Draft } | null>(null);
  const [showNames, setShowNames] = useState(prefs.showAnnotatorNames);
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [dialog, setDialog] = useState<null | 'note' | 'help'>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api()
      .review.list({ filter })
      .then((l) => live && setList(l))
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [filter, version]);
  useEffect(() => onEvent('project:changed', () => setVersion((v) => v + 1)), []);

  const rows = list?.rows ?? [];
  const current = rows[Math.min(sel, rows.length - 1)];
  useEffect(() => {
    if (!current) return;
    let live = true;
    api()
      .review.item({ id: current.id })
      .then((data) => live && setItem({ data, draft: draftFrom(data) }))
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [current]);

  const setDraft = useCallback(
    (fn: (d: Draft) => Draft) => setItem((it) => (it ? { ...it, draft: fn(it.draft) } : it)),
    [],
  );
  const decide = useCallback(
    async (d: Draft) => {
      if (!item || !d.hate) return;
      const hateful = d.hate === 'hateful';
      await api().adjudication.save({
        item: item.data.item.id,
        hate: d.hate,
        pc: hateful ? d.pc : [],
        attack: hateful ? d.attack : [],
        note: d.note,
      });
      setVersion((v) => v + 1);
    },
    [item],
  );

  const handlers = useMemo<Handlers>(() => {
    const run = (p: Promise<unknown>): void => void p.catch((e: Error) => setError(e.message));
    const h: Handlers = {
      notHateful: () => setDraft((d) => ({ ...d, hate: 'not_hateful', pc: [], attack: [] })),
      hateful: () => setDraft((d) => ({ ...d, hate: 'hateful' })),
      submit: () => item && run(decide(item.draft)),
      accept: () => item && run(decide(draftFrom({ ...item.data, decision: null }))),
      undo: () =>
        item?.data.decision &&
        run(
          api()
            .adjudication.undo({ item: item.data.item.id })
            .then(() => setVersion((v) => v + 1)),
        ),
      note: () => setDialog('note'),
      nextItem: () => setSel((s) => Math.min(rows.length - 1, s + 1)),
      prevItem: () => setSel((s) => Math.max(0, s - 1)),
      toggleNames: () => setShowNames((s) => !s),
      reveal: () =>
        item && setRevealedFor((r) => (r === String(item.data.item.id) ? null : String(item.data.item.id))),
      help: () => setDialog((d) => (d === 'help' ? null : 'help')),
    };
    for (const t of ['pc', 'attack'] as Task[])
      for (const l of t === 'pc' ? PC_LABELS : ATTACK_LABELS)
        h[`${t}:${l}`] = () =>
          setDraft((d) => ({
            ...d,
            hate: 'hateful',
            [t]: d[t].includes(l) ? d[t].filter((x) => x !== l) : [...d[t], l],
          }));
    return h;
  }, [item, decide, rows.length, setDraft]);
  useActions(REVIEW_ACTIONS, handlers, dialog === null && project.lead);

  if (!project.lead)
    return (
      <div className="empty-state card" data-testid="lead-off">
        <h2>Review is for the lead</h2>
        <p>
          Lead mode lets this app write the project's decisions (adjudications.jsonl). One lead at a time.
        </p>
        <button
          type="button"
          className="primary"
          data-testid="lead-on"
          onClick={() =>
            void api()
              .lead.set({ on: true })
              .then(onProject)
              .catch((e: Error) => setError(e.message))
          }
        >
          Turn on lead mode
        </button>
        {error && <p className="banner error">{error}</p>}
      </div>
    );

  const annotators = project.annotators;
  return (
    <div className="review">
      <aside className="review-list">
        <div className="review-filters">
          <label>
            <input
              type="checkbox"
              checked={!!filter.anyDisagreement}
              onChange={(e) => setFilter({ ...filter, anyDisagreement: e.target.checked })}
              data-testid="filter-any"
            />{' '}
            any disagreement
          </label>
          <label>
            <input
              type="checkbox"
              checked={!!filter.decided}
              onChange={(e) => setFilter({ ...filter, decided: e.target.checked })}
            />{' '}
            decided too
          </label>
          <select
            value={filter.task ?? ''}
            onChange={(e) =>
              setFilter({ ...filter, task: (e.target.value || undefined) as ReviewFilter['task'] })
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
            onChange={(e) => setFilter({ ...filter, label: e.target.value || undefined })}
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
            onChange={(e) => setFilter({ ...filter, annotator: e.target.value || undefined })}
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
          {rows.length.toLocaleString()} to review · {list?.autoAccepted.toLocaleString() ?? 0} accepted
          automatically
        </p>
        <VirtualList
          rows={rows}
          rowHeight={34}
          height={560}
          testId="review-rows"
          render={(r, i) => (
            <button type="button" className={`review-row${i === sel ? ' on' : ''}`} onClick={() => setSel(i)}>
              <span className="rid">#{String(r.id)}</span>
              <span className="reasons">{r.reasons.map((x) => REASON_TITLE[x]).join(', ')}</span>
              <span
                className="dis"
                style={{ width: `${Math.round(r.disagreement * 40)}px` }}
                title={`disagreement ${r.disagreement.toFixed(2)}`}
              />
            </button>
          )}
        />
      </aside>
      <section className="review-main">
        {error && (
          <div className="banner error" role="alert">
            {error}{' '}
            <button type="button" onClick={() => setError(null)}>
              Dismiss
            </button>
          </div>
        )}
        {rows.length === 0 && list && (
          <div className="empty-state" data-testid="review-empty">
            <h2>Nothing to review</h2>
            <p>Every labeled meme is settled by the policy or decided.</p>
          </div>
        )}
        {item && current && (
          <ReviewItemPanel
            data={item.data}
            draft={item.draft}
            showNames={showNames}
            revealed={revealedFor === String(item.data.item.id)}
            blur={prefs.blurImages}
            greyscale={prefs.greyscale}
            onReveal={() => setRevealedFor(String(item.data.item.id))}
            onHate={(h) => (h === 'hateful' ? handlers.hateful?.() : handlers.notHateful?.())}
            onToggle={(t, l) => handlers[`${t}:${l}`]?.()}
            onAccept={() => handlers.accept?.()}
            onSave={() => handlers.submit?.()}
            onUndo={() => handlers.undo?.()}
          />
        )}
      </section>
      {dialog === 'note' && item && (
        <NoteDialog
          initial={item.draft.note}
          onCancel={() => setDialog(null)}
          onSave={(note) => {
            setDraft((d) => ({ ...d, note }));
            setDialog(null);
          }}
        />
      )}
      {dialog === 'help' && (
        <HelpOverlay onClose={() => setDialog(null)} groups={['Review', 'Label', 'View']} />
      )}
    </div>
  );
}
