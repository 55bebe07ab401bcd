import { useCallback, useMemo, useState } from 'react';
import type { ProjectSummary, ReviewItem } from '../../../shared/api';
import { normalizeLabels } from '../../../shared/labels';
import type { ReviewFilter } from '../../../shared/review';
import type { Preferences } from '../../../shared/settings';
import { ATTACK_LABELS, HATEFUL, NOT_HATEFUL, PC_LABELS, type Task } from '../../../shared/taxonomy';
import { api, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { HelpOverlay } from '../components/HelpOverlay';
import { NoteDialog } from '../components/NoteDialog';
import { LeadOff } from '../components/review/LeadOff';
import { ReviewItemPanel } from '../components/review/ReviewItemPanel';
import { ReviewQueue } from '../components/review/ReviewQueue';
import { useQuery } from '../data/useQuery';
import { REVIEW_ACTIONS, useActions, type Handlers } from '../hotkeys';
import { draftOfReview, toggleLabel, withHate, type Draft } from '../model';

type ReviewScreenProps = {
  project: ProjectSummary;
  prefs: Preferences;
  onProject: (p: ProjectSummary) => void;
};

/** The lead's queue of disputed memes and the decision for each. */
export function ReviewScreen({ project, prefs, onProject }: ReviewScreenProps) {
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [sel, setSel] = useState(0);
  const [showNames, setShowNames] = useState(prefs.showAnnotatorNames);
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [dialog, setDialog] = useState<null | 'note' | 'help'>(null);
  const [error, setError] = useState<string | null>(null);

  const list = useQuery('review:list', { filter }, { refreshOn: ['project:changed'] });
  const rows = list.data?.rows ?? [];
  const current = rows[Math.min(sel, rows.length - 1)];
  const item = useQuery(
    'review:item',
    { id: current?.id ?? 0 },
    { enabled: current !== undefined, refreshOn: ['project:changed'] },
  );
  const { refresh: refreshList } = list;
  const { refresh: refreshItem } = item;
  const refresh = useCallback(() => {
    refreshList();
    refreshItem();
  }, [refreshList, refreshItem]);

  // The lead's edits belong to the answer they were made on: a newer answer starts a new draft.
  const data = item.data;
  const [edit, setEdit] = useState<{ of: ReviewItem; draft: Draft } | null>(null);
  const draft = data && (edit?.of === data ? edit.draft : draftOfReview(data));
  const setDraft = useCallback(
    (fn: (d: Draft) => Draft) =>
      setEdit((e) => (data ? { of: data, draft: fn(e?.of === data ? e.draft : draftOfReview(data)) } : e)),
    [data],
  );

  const decide = useCallback(
    async (d: Draft) => {
      if (!data || !d.hate) return;
      await api().adjudication.save({
        item: data.item.id,
        ...normalizeLabels(d.hate, d.pc, d.attack),
        note: d.note,
      });
      refresh();
    },
    [data, refresh],
  );

  const handlers = useMemo<Handlers>(() => {
    const run = (p: Promise<unknown>): void => void p.catch((e: unknown) => setError(messageOf(e)));
    const h: Handlers = {
      notHateful: () => setDraft((d) => withHate(d, NOT_HATEFUL)),
      hateful: () => setDraft((d) => withHate(d, HATEFUL)),
      submit: () => draft && run(decide(draft)),
      accept: () => data && run(decide(draftOfReview({ ...data, decision: null }))),
      undo: () => data?.decision && run(api().adjudication.undo({ item: data.item.id }).then(refresh)),
      note: () => setDialog('note'),
      nextItem: () => setSel((s) => Math.min(rows.length - 1, s + 1)),
      prevItem: () => setSel((s) => Math.max(0, s - 1)),
      toggleNames: () => setShowNames((s) => !s),
      reveal: () => data && setRevealedFor((r) => (r === String(data.item.id) ? null : String(data.item.id))),
      help: () => setDialog((d) => (d === 'help' ? null : 'help')),
    };
    for (const t of ['pc', 'attack'] as Task[])
      for (const l of t === 'pc' ? PC_LABELS : ATTACK_LABELS)
        h[`${t}:${l}`] = () => setDraft((d) => toggleLabel(d, t, l));
    return h;
  }, [data, draft, decide, refresh, rows.length, setDraft]);
  useActions(REVIEW_ACTIONS, handlers, dialog === null && project.lead);

  if (!project.lead)
    return (
      <LeadOff
        error={error}
        onLeadOn={() =>
          void api()
            .lead.set({ on: true })
            .then(onProject)
            .catch((e: unknown) => setError(messageOf(e)))
        }
      />
    );

  return (
    <div className="review">
      <ReviewQueue
        filter={filter}
        onFilter={setFilter}
        annotators={project.annotators}
        list={list.data}
        selected={sel}
        onSelect={setSel}
      />
      <section className="review-main">
        <ErrorBanner message={list.error ?? item.error} />
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
        {rows.length === 0 && list.data && (
          <div className="empty-state" data-testid="review-empty">
            <h2>Nothing to review</h2>
            <p>Every labeled meme is settled by the policy or decided.</p>
          </div>
        )}
        {data && draft && current && (
          <ReviewItemPanel
            data={data}
            draft={draft}
            showNames={showNames}
            revealed={revealedFor === String(data.item.id)}
            blur={prefs.blurImages}
            greyscale={prefs.greyscale}
            onReveal={() => setRevealedFor(String(data.item.id))}
            onHate={(h) => (h === HATEFUL ? handlers.hateful?.() : handlers.notHateful?.())}
            onToggle={(t, l) => handlers[`${t}:${l}`]?.()}
            onAccept={() => handlers.accept?.()}
            onSave={() => handlers.submit?.()}
            onUndo={() => handlers.undo?.()}
          />
        )}
      </section>
      {dialog === 'note' && draft && (
        <NoteDialog
          initial={draft.note}
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
