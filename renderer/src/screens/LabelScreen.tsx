import { useCallback, useMemo, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api';
import { QUEUE_FILTERS, type QueueFilter } from '../../../shared/queue';
import type { Preferences } from '../../../shared/settings';
import { ATTACK_LABELS, PC_LABELS, type Task } from '../../../shared/taxonomy';
import { ConfirmDialog } from '../components/Modal';
import { HelpOverlay } from '../components/HelpOverlay';
import { ImagePane } from '../components/ImagePane';
import { LabelPanel } from '../components/LabelPanel';
import { NoteDialog } from '../components/NoteDialog';
import { ProgressBar } from '../components/ProgressBar';
import { SaveIndicator } from '../components/SaveIndicator';
import { LABEL_ACTIONS, useActions, type Handlers } from '../hotkeys';
import { useLabelSession, type Draft } from '../labeling/useLabelSession';
import { useWellbeing } from '../labeling/useWellbeing';
import { WellbeingGate } from '../components/WellbeingGate';

type LabelScreenProps = { project: ProjectSummary; prefs: Preferences };

const FILTER_TITLE: Record<QueueFilter, string> = {
  todo: 'To do',
  done: 'Done',
  flagged: 'Flagged',
  all: 'All',
};
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

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
      if (!opts?.skip) record(d.hate === 'hateful');
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
    (task: Task, label: string) =>
      setDraft((d: Draft) => ({
        ...d,
        hate: 'hateful',
        [task]: d[task].includes(label) ? d[task].filter((x) => x !== label) : [...d[task], label],
      })),
    [setDraft],
  );

  const setHate = useCallback(
    (hate: 'hateful' | 'not_hateful', e?: KeyboardEvent) => {
      // Not hateful clears categories and attacks and moves on at once: one key per meme.
      if (hate === 'not_hateful') save({ ...draft, hate, pc: [], attack: [] }, { startedAt: e?.timeStamp });
      else setDraft((d: Draft) => ({ ...d, hate }));
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
      if (draft.hate === 'hateful' && (draft.pc.length === 0 || draft.attack.length === 0)) {
        setDialog('confirm');
        return;
      }
      save(draft, { startedAt: e?.timeStamp });
    },
    [current, draft, save],
  );

  const handlers = useMemo<Handlers>(() => {
    const h: Handlers = {
      notHateful: (e) => setHate('not_hateful', e),
      hateful: () => setHate('hateful'),
      submit,
      flag: () => setDraft((d: Draft) => ({ ...d, flag: !d.flag })),
      note: () => setDialog('note'),
      undo: () => void s.undo().catch((err: Error) => s.setError(err.message)),
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
    return (
      <div className="empty-state card" data-testid="session-stopped">
        <h2>Session over</h2>
        <p>
          {wb.labeled} memes labeled, {wb.hateful} of them hateful. Your work is saved. Thank you, and take
          care.
        </p>
        <button type="button" onClick={() => setStopped(false)}>
          Start another session
        </button>
      </div>
    );

  const counts = s.progress?.counts;
  const blurred = prefs.blurImages && !revealed;
  return (
    <div className="label-screen">
      <div className="toolbar">
        <div className="filters" role="tablist" aria-label="Queue">
          {QUEUE_FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f}
              className={filter === f ? 'on' : ''}
              onClick={() => setFilter(f)}
              data-testid={`filter-${f}`}
            >
              {FILTER_TITLE[f]} {counts ? <span className="count">{counts[f].toLocaleString()}</span> : null}
            </button>
          ))}
        </div>
        {counts && (
          <>
            <ProgressBar
              label="Mine"
              done={counts.done}
              total={counts.done + counts.todo}
              testId="progress-mine"
            />
            <ProgressBar
              label="Project"
              done={counts.complete}
              total={counts.all}
              testId="progress-project"
            />
          </>
        )}
        <SaveIndicator status={s.status} />
        <button type="button" className="ghost" onClick={() => setDialog('help')} data-testid="open-help">
          Keys <kbd>?</kbd>
        </button>
      </div>
      {s.error && (
        <div className="banner error" role="alert">
          {s.error}{' '}
          <button type="button" onClick={() => s.setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {s.status.state === 'error' && (
        <div className="banner error" role="alert" data-testid="save-error">
          Not saved (item {String(s.status.item)}): {s.status.message}
        </div>
      )}
      {s.ids && s.loading && <div className="loading">Loading…</div>}
      {s.ids && !current && !s.loading && (
        <div className="empty-state" data-testid="queue-empty">
          <h2>
            {filter === 'todo'
              ? 'Nothing left to label here'
              : `No ${FILTER_TITLE[filter].toLowerCase()} memes`}
          </h2>
          <p>
            {project.items.toLocaleString()} memes in {project.name}. Labels synced from other annotators may
            add or remove work.
          </p>
          <button type="button" className="primary" onClick={() => void s.reload()}>
            Check again
          </button>
        </div>
      )}
      {current && (
        <div className="workspace">
          <ImagePane
            img={current.img}
            missing={current.missing}
            blurred={blurred}
            greyscale={prefs.greyscale}
            zoom={zoom}
            onReveal={() => setRevealedFor(itemKey)}
          />
          <aside className="side">
            <div className="item-meta" data-testid="item-meta">
              <span data-testid="item-id">#{String(current.id)}</span>
              {current.set_name && <span className="split">{current.set_name}</span>}
              <span className="pos">
                {s.pos + 1} / {s.ids?.length.toLocaleString()}
              </span>
              {current.mine?.hate && <span className="badge">labeled</span>}
            </div>
            <blockquote className="meme-text" data-testid="meme-text">
              {current.text || <em>(no text)</em>}
            </blockquote>
            <LabelPanel draft={draft} onHate={(h) => setHate(h)} onToggle={toggle} />
            <div className="actions">
              <button
                type="button"
                className={draft.flag ? 'on' : ''}
                onClick={() => handlers.flag?.()}
                data-testid="flag"
              >
                <kbd>F</kbd> {draft.flag ? 'Flagged' : 'Flag'}
              </button>
              <button type="button" onClick={() => setDialog('note')} data-testid="note">
                <kbd>C</kbd> {draft.note ? 'Edit note' : 'Note'}
              </button>
              <button type="button" onClick={() => s.back()} disabled={s.pos === 0}>
                <kbd>←</kbd> Back
              </button>
              <button type="button" onClick={() => s.next()}>
                <kbd>→</kbd> Skip
              </button>
              <button
                type="button"
                onClick={() => handlers.skipDistressing?.()}
                data-testid="skip-distressing"
                title="No reason needed; never counted against you"
              >
                <kbd>D</kbd> Skip: distressing
              </button>
              <button type="button" className="primary" onClick={() => submit()} data-testid="save">
                <kbd>Enter</kbd> Save &amp; next
              </button>
            </div>
            {draft.note && <p className="note-preview">Note: {draft.note}</p>}
            {hint && (
              <p className="hint" role="status">
                {hint}
              </p>
            )}
          </aside>
        </div>
      )}
      <WellbeingGate wb={wb} cap={prefs.sessionCap} onStop={() => setStopped(true)} />
      {dialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
      {dialog === 'note' && (
        <NoteDialog
          initial={draft.note}
          onCancel={() => setDialog(null)}
          onSave={(note) => {
            setDraft((d: Draft) => ({ ...d, note }));
            setDialog(null);
          }}
        />
      )}
      {dialog === 'confirm' && (
        <ConfirmDialog
          testId="confirm-incomplete"
          title="Hateful, but incomplete"
          message={
            <p>
              This meme is marked hateful without {draft.pc.length === 0 ? 'a protected category' : ''}
              {draft.pc.length === 0 && draft.attack.length === 0 ? ' and ' : ''}
              {draft.attack.length === 0 ? 'an attack type' : ''}. Save it like this?
            </p>
          }
          confirm="Save anyway"
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
