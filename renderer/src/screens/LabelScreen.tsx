import { useCallback, useMemo, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api';
import type { QueueFilter } from '../../../shared/queue';
import type { Preferences } from '../../../shared/settings';
import {
  ATTACK_LABELS,
  HATEFUL,
  NOT_HATEFUL,
  PC_LABELS,
  type Hate,
  type Task,
} from '../../../shared/taxonomy';
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
import { WellbeingGate } from '../components/WellbeingGate';
import { LABEL_ACTIONS, useActions, type Handlers } from '../hotkeys';
import { useLabelSession } from '../labeling/useLabelSession';
import { useWellbeing } from '../labeling/useWellbeing';
import { isIncomplete, toggleLabel, withHate } from '../model';

type LabelScreenProps = { project: ProjectSummary; prefs: Preferences };

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The annotator's screen: one meme at a time, answered by keyboard, saved in the background. */
export function LabelScreen({ project, prefs }: LabelScreenProps) {
  const [filter, setFilter] = useState<QueueFilter>('todo');
  const s = useLabelSession(filter);
  const { current, draft, setDraft } = s;
  const wb = useWellbeing(prefs);
  const [stopped, setStopped] = useState(false);
  const { record } = wb;
  // Every save counts towards the break reminder and the cap; a distressing skip does not.
  const save = useCallback<typeof s.save>(
    (d, opts) => {
      if (!opts?.skip) record(d.hate === HATEFUL);
      s.save(d, opts);
    },
    [record, s],
  );
  // Reveal, zoom and hints belong to one meme: keyed by its id, they reset when it changes.
  const itemKey = current ? String(current.id) : '';
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [zoomOf, setZoomOf] = useState<{ key: string; zoom: number }>({ key: '', zoom: 1 });
  const [hintOf, setHintOf] = useState<{ key: string; text: string } | null>(null);
  const [dialog, setDialog] = useState<null | 'help' | 'note' | 'confirm'>(null);
  const revealed = revealedFor === itemKey;
  const zoom = zoomOf.key === itemKey ? zoomOf.zoom : 1;
  const hint = hintOf?.key === itemKey ? hintOf.text : null;
  const setZoom = useCallback(
    (fn: (z: number) => number) =>
      setZoomOf((z) => ({ key: itemKey, zoom: fn(z.key === itemKey ? z.zoom : 1) })),
    [itemKey],
  );

  const toggle = useCallback(
    (task: Task, label: string) => setDraft((d) => toggleLabel(d, task, label)),
    [setDraft],
  );

  const setHate = useCallback(
    (hate: Hate, e?: KeyboardEvent) => {
      // Not hateful clears categories and attacks and moves on at once: one key per meme.
      if (hate === NOT_HATEFUL) save(withHate(draft, hate), { startedAt: e?.timeStamp });
      else setDraft((d) => withHate(d, hate));
    },
    [draft, save, setDraft],
  );

  const submit = useCallback(
    (e?: KeyboardEvent) => {
      if (!current) return;
      if (draft.hate === null && !draft.flag && !draft.note) {
        setHintOf({ key: String(current.id), text: 'Choose N (not hateful) or H (hateful) first.' });
        return;
      }
      if (isIncomplete(draft)) {
        setDialog('confirm');
        return;
      }
      save(draft, { startedAt: e?.timeStamp });
    },
    [current, draft, save],
  );

  const handlers = useMemo<Handlers>(() => {
    const h: Handlers = {
      notHateful: (e) => setHate(NOT_HATEFUL, e),
      hateful: () => setHate(HATEFUL),
      submit,
      flag: () => setDraft((d) => ({ ...d, flag: !d.flag })),
      note: () => setDialog('note'),
      undo: () => void s.undo().catch((err: unknown) => s.setError(messageOf(err))),
      back: () => s.back(),
      skip: (e) => s.next(e?.timeStamp),
      skipDistressing: (e) =>
        save({ ...draft, hate: null, pc: [], attack: [] }, { skip: 'distressing', startedAt: e?.timeStamp }),
      reveal: () => setRevealedFor((r) => (r === itemKey ? null : itemKey)),
      zoomIn: () => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(z) + 1)]),
      zoomOut: () => setZoom((z) => ZOOMS[Math.max(0, ZOOMS.indexOf(z) - 1)]),
      zoomReset: () => setZoom(() => 1),
      help: () => setDialog((d) => (d === 'help' ? null : 'help')),
    };
    for (const l of PC_LABELS) h[`pc:${l}`] = () => toggle('pc', l);
    for (const l of ATTACK_LABELS) h[`attack:${l}`] = () => toggle('attack', l);
    return h;
  }, [setHate, submit, setDraft, s, save, draft, toggle, itemKey, setZoom]);

  useActions(LABEL_ACTIONS, handlers, dialog === null && !wb.breakDue && !wb.capReached && !stopped);

  if (stopped)
    return <SessionStopped labeled={wb.labeled} hateful={wb.hateful} onRestart={() => setStopped(false)} />;

  return (
    <div className="label-screen">
      <LabelToolbar
        filter={filter}
        onFilter={setFilter}
        counts={s.progress?.counts ?? null}
        status={s.status}
        onHelp={() => setDialog('help')}
      />
      <ErrorBanner message={s.error} onDismiss={() => s.setError(null)} />
      {s.status.state === 'error' && (
        <ErrorBanner message={s.status.message} testId="save-error">
          Not saved (item {String(s.status.item)}):{' '}
        </ErrorBanner>
      )}
      {s.ids && s.loading && <div className="loading">Loading…</div>}
      {s.ids && !current && !s.loading && (
        <QueueEmpty
          filter={filter}
          projectName={project.name}
          projectItems={project.items}
          onCheckAgain={() => void s.reload()}
        />
      )}
      {current && (
        <div className="workspace">
          <ImagePane
            img={current.img}
            missing={current.missing}
            blurred={prefs.blurImages && !revealed}
            greyscale={prefs.greyscale}
            zoom={zoom}
            onReveal={() => setRevealedFor(itemKey)}
          />
          <LabelSidebar
            item={current}
            pos={s.pos}
            total={s.ids?.length ?? 0}
            draft={draft}
            hint={hint}
            onHate={(h) => setHate(h)}
            onToggle={toggle}
            onFlag={() => handlers.flag?.()}
            onNote={() => setDialog('note')}
            onBack={() => s.back()}
            onSkip={() => s.next()}
            onSkipDistressing={() => handlers.skipDistressing?.()}
            onSubmit={() => submit()}
          />
        </div>
      )}
      <WellbeingGate wb={wb} cap={prefs.sessionCap} onStop={() => setStopped(true)} />
      {dialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
      {dialog === 'note' && (
        <NoteDialog
          initial={draft.note}
          onCancel={() => setDialog(null)}
          onSave={(note) => {
            setDraft((d) => ({ ...d, note }));
            setDialog(null);
          }}
        />
      )}
      {dialog === 'confirm' && (
        <IncompleteDialog
          draft={draft}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            save(draft);
          }}
        />
      )}
    </div>
  );
}
