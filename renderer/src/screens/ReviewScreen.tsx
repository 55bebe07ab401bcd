import { useCallback, useMemo, useState } from 'react';
import type { ProjectSummary, ReviewItem } from '../../../shared/api';
import { normalizeLabels } from '../../../shared/labels';
import type { ItemId } from '../../../shared/records';
import type { ReviewFilter } from '../../../shared/review';
import type { Preferences } from '../../../shared/settings';
import { ATTACK_LABELS, HATEFUL, NOT_HATEFUL, PC_LABELS, type Task } from '../../../shared/taxonomy';
import { api, call, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { HelpOverlay } from '../components/HelpOverlay';
import { ConfirmDialog } from '../components/Modal';
import { NoteDialog } from '../components/NoteDialog';
import { IncompleteDialog } from '../components/label/IncompleteDialog';
import { KnownAnswerDialog } from '../components/review/KnownAnswerDialog';
import { LeadOff } from '../components/review/LeadOff';
import { ReviewItemPanel } from '../components/review/ReviewItemPanel';
import { ReviewQueue } from '../components/review/ReviewQueue';
import { useDecisions } from '../components/review/useDecisions';
import { SearchDialog } from '../components/SearchDialog';
import { useQuery } from '../data/useQuery';
import { byTestId, focusAfterward } from '../focus';
import { REVIEW_ACTIONS, REVIEW_DESCRIPTIONS, REVIEW_NOTE, useActions, type Handlers } from '../hotkeys';
import { draftOfReview, isIncomplete, toggleLabel, withHate, type Draft } from '../model';

type ReviewScreenProps = {
  project: ProjectSummary;
  prefs: Preferences;
  onProject: (p: ProjectSummary) => void;
  /** A meme to show first (opened from Browse), in the list or not. */
  openId?: ItemId | null;
};

type Dialog =
  | null
  | 'note'
  | 'help'
  | 'search'
  | { ownVote: Draft }
  | { incomplete: Draft }
  | { known: { id: ItemId; draft: Draft } };

/**
 * The lead's queue of disputed memes and the decision for each. A decision always names the meme
 * it applies to: the one on display, whose id the decision panel shows; a focused list row only
 * chooses which meme is on display.
 */
export function ReviewScreen({ project, prefs, onProject, openId = null }: ReviewScreenProps) {
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [sel, setSel] = useState(0);
  // A meme opened by id (search), shown whether or not it is in the list.
  const [focusId, setFocusId] = useState<ItemId | null>(openId);
  const [showNames, setShowNames] = useState(prefs.showAnnotatorNames);
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [brokenFor, setBrokenFor] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  // What the last action did to a meme ("Meme #25 is now a known answer"), shown while it is on display.
  const [notice, setNotice] = useState<{ id: ItemId; text: string } | null>(null);

  const list = useQuery('review:list', { filter }, { refreshOn: ['project:changed'] });
  const rows = list.data?.rows ?? [];
  const current = rows[Math.min(sel, rows.length - 1)];
  const shownId = focusId ?? current?.id;
  const item = useQuery(
    'review:item',
    { id: shownId ?? 0 },
    { enabled: shownId !== undefined, refreshOn: ['project:changed'] },
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

  const run = useCallback(
    (p: Promise<unknown>): void =>
      void p.then(() => setError(null)).catch((e: unknown) => setError(messageOf(e))),
    [],
  );
  const { decide, undo } = useDecisions({ data, shownId, refresh, run, setFocusId, setNotice });
  // A meme the lead labeled as an annotator is decided only after saying so.
  const decideOrAskOwn = useCallback(
    (d: Draft) => (data?.ownVote ? setDialog({ ownVote: d }) : run(decide(d))),
    [data, decide, run],
  );
  // Hateful without a category or an attack type: asked first, as when labeling.
  const decideOrAsk = useCallback(
    (d: Draft) => (isIncomplete(d) ? setDialog({ incomplete: d }) : decideOrAskOwn(d)),
    [decideOrAskOwn],
  );
  const setKnown = (id: ItemId, d: Draft | null): void =>
    run(
      (d?.hate
        ? call('known:set', { item: id, ...normalizeLabels(d.hate, d.pc, d.attack) })
        : call('known:unset', { item: id })
      ).then(() => {
        // The meme leaves (or joins) the list: it stays on display, by id.
        setFocusId(id);
        setNotice({
          id,
          text: `Meme #${String(id)} ${d ? 'is now a known answer' : 'is no longer a known answer'}`,
        });
        refresh();
      }),
    );

  const handlers = useMemo<Handlers>(() => {
    const h: Handlers = {
      notHateful: () => setDraft((d) => withHate(d, NOT_HATEFUL)),
      hateful: () => setDraft((d) => withHate(d, HATEFUL)),
      submit: () => draft && decideOrAsk(draft),
      accept: () => data && decideOrAsk(draftOfReview({ ...data, decision: null })),
      undo,
      note: () => setDialog('note'),
      nextItem: () => {
        setFocusId(null);
        setSel((s) => Math.min(rows.length - 1, s + 1));
      },
      prevItem: () => {
        setFocusId(null);
        setSel((s) => Math.max(0, s - 1));
      },
      toggleNames: () => setShowNames((s) => !s),
      search: () => setDialog('search'),
      reveal: () => data && setRevealedFor((r) => (r === String(data.item.id) ? null : String(data.item.id))),
      help: () => setDialog((d) => (d === 'help' ? null : 'help')),
    };
    for (const t of ['pc', 'attack'] as Task[])
      for (const l of t === 'pc' ? PC_LABELS : ATTACK_LABELS)
        h[`${t}:${l}`] = () => setDraft((d) => toggleLabel(d, t, l));
    return h;
  }, [data, draft, decideOrAsk, rows.length, setDraft, undo]);
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
        onFilter={(f) => {
          setFilter(f);
          setSel(0);
          setFocusId(null);
        }}
        annotators={project.annotators}
        list={list.data}
        selected={focusId === null ? sel : -1}
        onSelect={(i) => {
          setFocusId(null);
          setSel(i);
        }}
      />
      <section className="review-main">
        <ErrorBanner message={list.error ?? item.error} />
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
        <p className="review-notice" role="status" data-testid="review-notice">
          {notice && String(notice.id) === String(shownId) ? notice.text : ''}
        </p>
        {rows.length === 0 && list.data && focusId === null && (
          <div className="empty-state" data-testid="review-empty">
            <h2>Nothing to review</h2>
            <p>
              Every ready meme is settled by the policy or decided. Memes still waiting for votes are under
              “waiting for votes”.
            </p>
          </div>
        )}
        {data && draft && shownId !== undefined && (
          <ReviewItemPanel
            data={data}
            draft={draft}
            showNames={showNames}
            revealed={revealedFor === String(data.item.id)}
            blur={prefs.blurImages}
            greyscale={prefs.greyscale}
            broken={brokenFor === String(data.item.id)}
            onBroken={() => setBrokenFor(String(data.item.id))}
            onReveal={() => setRevealedFor(String(data.item.id))}
            onHate={(h) => (h === HATEFUL ? handlers.hateful?.() : handlers.notHateful?.())}
            onToggle={(t, l) => handlers[`${t}:${l}`]?.()}
            onAccept={() => handlers.accept?.()}
            onSave={() => handlers.submit?.()}
            onUndo={() => handlers.undo?.()}
            onClose={(close) => {
              const id = data.item.id;
              const refocus = focusAfterward();
              run(
                api()
                  .review.close({ item: id, close })
                  .then(() => {
                    // It leaves (or joins) the list: it stays on display, by id, to be decided
                    // now, and the focus goes to the button that undoes what was just done.
                    setFocusId(id);
                    setNotice({
                      id,
                      text: close
                        ? `Meme #${String(id)} is closed early: decide it with the votes it has`
                        : `Meme #${String(id)} is open for more votes again`,
                    });
                    refresh();
                    refocus(() => byTestId(close ? 'reopen' : 'close-early'));
                  }),
              );
            }}
            onKnown={(known) =>
              known
                ? draft.hate && setDialog({ known: { id: data.item.id, draft } })
                : setKnown(data.item.id, null)
            }
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
        <HelpOverlay
          actions={REVIEW_ACTIONS}
          descriptions={REVIEW_DESCRIPTIONS}
          note={REVIEW_NOTE}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'search' && (
        <SearchDialog
          onClose={() => setDialog(null)}
          onPick={(id) => {
            setDialog(null);
            const at = rows.findIndex((r) => String(r.id) === String(id));
            if (at >= 0) {
              setFocusId(null);
              setSel(at);
            } else setFocusId(id);
          }}
        />
      )}
      {dialog !== null && typeof dialog === 'object' && 'incomplete' in dialog && (
        <IncompleteDialog
          draft={dialog.incomplete}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            decideOrAskOwn(dialog.incomplete);
          }}
        />
      )}
      {dialog !== null && typeof dialog === 'object' && 'known' in dialog && (
        <KnownAnswerDialog
          id={dialog.known.id}
          draft={dialog.known.draft}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            setKnown(dialog.known.id, dialog.known.draft);
          }}
        />
      )}
      {dialog !== null && typeof dialog === 'object' && 'ownVote' in dialog && data && (
        <ConfirmDialog
          testId="own-vote-confirm"
          title={`You labeled meme #${String(data.item.id)} yourself`}
          message={
            <p>
              As an annotator you voted on this meme. Decide it anyway? The decision is marked in
              adjudications.jsonl as made by a lead who had voted on it.
            </p>
          }
          confirm={`Decide #${String(data.item.id)} anyway`}
          cancel="Cancel"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            const d = dialog.ownVote;
            setDialog(null);
            run(decide(d, true));
          }}
        />
      )}
    </div>
  );
}
