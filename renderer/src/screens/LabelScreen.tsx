import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemView, KnownFeedback, ProjectSummary, SaveResult } from '../../../shared/api';
import type { QueueFilter } from '../../../shared/queue';
import type { ItemId, SkipReason } from '../../../shared/records';
import type { Preferences } from '../../../shared/settings';
import { HATEFUL } from '../../../shared/taxonomy';
import { messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { HelpOverlay } from '../components/HelpOverlay';
import { ImagePane } from '../components/ImagePane';
import { IncompleteDialog } from '../components/label/IncompleteDialog';
import { LabelSidebar } from '../components/label/LabelSidebar';
import { LabelToolbar } from '../components/label/LabelToolbar';
import { QueueEmpty } from '../components/label/QueueEmpty';
import { SessionStopped } from '../components/label/SessionStopped';
import { NoteDialog } from '../components/NoteDialog';
import { SearchDialog } from '../components/SearchDialog';
import { WellbeingGate } from '../components/WellbeingGate';
import { QualificationFeedback } from '../components/label/QualificationFeedback';
import { SuggestionNote } from '../components/label/SuggestionNote';
import { useQuery } from '../data/useQuery';
import { LABEL_ACTIONS, useActions } from '../hotkeys';
import { useLabelKeys, type LabelDialog } from '../labeling/useLabelKeys';
import { useLabelSession } from '../labeling/useLabelSession';
import { placeOf } from '../labeling/place';
import type { Wellbeing } from '../labeling/useWellbeing';
import type { Draft } from '../model';

const NONE: ReadonlySet<string> = new Set();

type LabelScreenProps = {
  project: ProjectSummary;
  prefs: Preferences;
  /** The session's breaks and cap (App holds it: it outlives this screen). */
  wb: Wellbeing;
};

/** The annotator's screen: one meme at a time, answered by keyboard, saved in the background. */
export function LabelScreen({ project, prefs, wb }: LabelScreenProps) {
  const [filter, setFilter] = useState<QueueFilter>('todo');
  const { record, begin } = wb;
  // The session's clock starts when labeling is first on screen.
  useEffect(() => begin(), [begin]);
  // Breaks and the session cap count real saves only: a label the backend has on disk, once per
  // meme in a session (a relabel is the same work; useWellbeing counts each meme once), never a skip.
  const [feedback, setFeedback] = useState<KnownFeedback | null>(null);
  // Memes of this pass (its list: `of`) that left my to-do since it began: every save, a skip
  // for good too, takes one out; an undo puts it back. The position reads Mine's terms with them.
  const passIds = useRef<ItemId[] | null>(null);
  const [passLeft, setPassLeft] = useState<{ of: ItemId[] | null; ids: ReadonlySet<string> }>({
    of: null,
    ids: new Set(),
  });
  const onSaved = useCallback(
    (item: ItemView, d: Draft, result: SaveResult, skip?: SkipReason) => {
      setPassLeft((p) => ({
        of: passIds.current,
        ids: new Set(p.of === passIds.current ? p.ids : []).add(String(item.id)),
      }));
      if (result.feedback) setFeedback(result.feedback);
      if (skip || d.hate === null) return;
      record(String(item.id), d.hate === HATEFUL);
    },
    [record],
  );
  const mode = project.rules.suggestions;
  const session = useLabelSession(filter, { onSaved, preselect: mode === 'preselect' });
  useEffect(() => {
    passIds.current = session.ids;
  }, [session.ids]);
  // An undo (a new 'undone' status) puts its meme back into the pass's to-do.
  const undone = session.status.state === 'undone' ? session.status : null;
  const [seenUndo, setSeenUndo] = useState(undone);
  if (undone !== seenUndo) {
    setSeenUndo(undone);
    if (undone)
      setPassLeft((p) => {
        const ids = new Set(p.ids);
        ids.delete(String(undone.item));
        return { ...p, ids };
      });
  }
  // The suggestion is on screen when pre-selected, or (shown "after") once the annotator has
  // answered the hate question; a save says whether it was, and the line records it.
  const suggestionShown =
    !!session.current?.suggestion &&
    (mode === 'preselect' || (mode === 'after' && session.draft.hate !== null));
  const { save: rawSave } = session;
  const save = useCallback<typeof rawSave>(
    (d, opts = {}) => rawSave(d, { ...opts, suggestionShown: !opts.skip && suggestionShown }),
    [rawSave, suggestionShown],
  );
  const s = useMemo(() => ({ ...session, save }), [session, save]);
  const definitions =
    useQuery('guidelines:get', undefined, { enabled: feedback !== null }).data?.definitions ?? {};
  const { current } = s;
  const [stopped, setStopped] = useState(false);
  // Reveal, zoom, hints and a broken image belong to one meme: keyed by its id, they reset.
  const itemKey = current ? String(current.id) : '';
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [zoomOf, setZoomOf] = useState<{ key: string; zoom: number }>({ key: '', zoom: 1 });
  const [hintOf, setHintOf] = useState<{ key: string; text: string } | null>(null);
  const [brokenFor, setBrokenFor] = useState<string | null>(null);
  const [dialog, setDialogState] = useState<LabelDialog>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const zoom = zoomOf.key === itemKey ? zoomOf.zoom : 1;
  const broken = brokenFor === itemKey && itemKey !== '';
  const setZoom = useCallback(
    (fn: (z: number) => number) =>
      setZoomOf((z) => ({ key: itemKey, zoom: fn(z.key === itemKey ? z.zoom : 1) })),
    [itemKey],
  );
  const setDialog = useCallback((fn: (d: LabelDialog) => LabelDialog) => setDialogState(fn), []);
  const setHint = useCallback((text: string) => setHintOf({ key: itemKey, text }), [itemKey]);
  const toggleReveal = useCallback(() => setRevealedFor((r) => (r === itemKey ? null : itemKey)), [itemKey]);
  const handlers = useLabelKeys({ s, broken, scrollRef, setDialog, setHint, setZoom, toggleReveal });
  useActions(
    LABEL_ACTIONS,
    handlers,
    dialog === null && feedback === null && !wb.breakDue && !wb.capReached && !stopped,
  );

  const jump = (id: ItemId): void => {
    setDialogState(null);
    if (s.jumpTo(id)) return;
    if (filter === 'all') s.reload().catch((e: unknown) => s.setError(messageOf(e)));
    else setFilter('all');
  };

  if (stopped)
    return <SessionStopped labeled={wb.labeled} hateful={wb.hateful} onRestart={() => setStopped(false)} />;

  const counts = s.progress?.counts ?? null;
  return (
    <div className="label-screen">
      <LabelToolbar
        filter={filter}
        onFilter={setFilter}
        counts={counts}
        projectItems={s.progress?.items ?? project.items}
        status={s.status}
        onHelp={() => setDialogState('help')}
        onSearch={() => setDialogState('search')}
      />
      <ErrorBanner message={s.error} onDismiss={() => s.setError(null)} />
      {s.status.state === 'error' && (
        <ErrorBanner message={s.status.message} testId="save-error">
          {`Not saved (${s.status.items.length === 1 ? 'item' : 'items'} ${s.status.items.map(String).join(', ')}): `}
        </ErrorBanner>
      )}
      {s.ids && s.loading && <div className="loading">Loading…</div>}
      {s.ids && !current && !s.loading && (
        <QueueEmpty
          filter={filter}
          projectName={project.name}
          projectItems={project.items}
          // The counts are the project's truth: memes skipped in this pass are still to do.
          remaining={filter === 'todo' ? (counts?.todo ?? 0) : 0}
          listed={counts?.[filter] ?? 0}
          onCheckAgain={() => s.reload().catch((e: unknown) => s.setError(messageOf(e)))}
        />
      )}
      {current && (
        <div className="workspace">
          <ImagePane
            img={current.img}
            missing={current.missing}
            broken={broken}
            blurred={prefs.blurImages && revealedFor !== itemKey}
            greyscale={prefs.greyscale}
            zoom={zoom}
            scrollRef={scrollRef}
            onReveal={() => setRevealedFor(itemKey)}
            onBroken={() => setBrokenFor(itemKey)}
            onReportBroken={() => handlers.reportBroken?.()}
          />
          <LabelSidebar
            item={current}
            pos={s.pos}
            place={placeOf({
              filter,
              ids: s.ids ?? [],
              pos: s.pos,
              counts,
              left: passLeft.of === s.ids ? passLeft.ids : NONE,
              answered: current.mine !== null,
            })}
            draft={s.draft}
            disabled={broken || current.missing}
            hint={hintOf?.key === itemKey ? hintOf.text : null}
            onHate={(h) => (h === HATEFUL ? handlers.hateful?.() : handlers.notHateful?.())}
            onToggle={(t, l) => handlers[`${t}:${l}`]?.()}
            onFlag={() => handlers.flag?.()}
            onNote={() => setDialogState('note')}
            onBack={() => s.back()}
            onSkip={() => s.next()}
            onSkipDistressing={() => handlers.skipDistressing?.()}
            onSubmit={() => handlers.submit?.()}
            suggestion={
              current.suggestion && suggestionShown ? (
                <SuggestionNote suggestion={current.suggestion} mode={mode} />
              ) : undefined
            }
          />
        </div>
      )}
      <WellbeingGate wb={wb} cap={prefs.sessionCap} onStop={() => setStopped(true)} />
      {feedback && (
        <QualificationFeedback
          feedback={feedback}
          definitions={definitions}
          onContinue={() => setFeedback(null)}
        />
      )}
      {dialog === 'help' && <HelpOverlay actions={LABEL_ACTIONS} onClose={() => setDialogState(null)} />}
      {dialog === 'search' && <SearchDialog onPick={jump} onClose={() => setDialogState(null)} />}
      {dialog === 'note' && (
        <NoteDialog
          initial={s.draft.note}
          onCancel={() => setDialogState(null)}
          onSave={(note) => {
            s.setDraft((d) => ({ ...d, note }));
            setDialogState(null);
          }}
        />
      )}
      {dialog === 'confirm' && (
        <IncompleteDialog
          draft={s.draft}
          onCancel={() => setDialogState(null)}
          onConfirm={() => {
            setDialogState(null);
            s.save(s.draft);
          }}
        />
      )}
    </div>
  );
}
