import {
  ATTACK_LABELS,
  HATEFUL,
  NOT_HATEFUL,
  PC_LABELS,
  TASK_TITLE,
  labelTitle,
  type Hate,
  type Task,
} from '../../../shared/taxonomy';
import { KEYMAP } from '../hotkeys';
import type { Draft } from '../model';

type LabelPanelProps = {
  draft: Draft;
  onHate: (hate: Hate) => void;
  onToggle: (task: Task, label: string) => void;
  disabled?: boolean;
};

type ChipProps = {
  on: boolean;
  label: string;
  shortcut: string;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
};

function Chip({ on, label, shortcut, onClick, testId, disabled }: ChipProps) {
  return (
    <button
      type="button"
      className={`chip${on ? ' on' : ''}`}
      aria-pressed={on}
      onClick={onClick}
      data-testid={testId}
      disabled={disabled}
    >
      <kbd>{shortcut}</kbd> {label}
    </button>
  );
}

/** The three questions as chips that show their keys. */
export function LabelPanel({ draft, onHate, onToggle, disabled }: LabelPanelProps) {
  const hateful = draft.hate === HATEFUL;
  const group = (task: Task, labels: readonly string[]) => (
    <fieldset className={`chips ${hateful ? '' : 'muted'}`}>
      <legend>{TASK_TITLE[task]}</legend>
      {labels.map((l) => (
        <Chip
          key={l}
          on={draft[task].includes(l)}
          label={labelTitle(l)}
          shortcut={KEYMAP[`${task}:${l}`].show}
          onClick={() => onToggle(task, l)}
          testId={`chip-${task}-${l}`}
          disabled={disabled}
        />
      ))}
    </fieldset>
  );
  return (
    <div className="label-panel">
      <fieldset className="chips hate">
        <legend>{TASK_TITLE.hate}</legend>
        <Chip
          on={draft.hate === NOT_HATEFUL}
          label="Not hateful"
          shortcut="N"
          onClick={() => onHate(NOT_HATEFUL)}
          testId="chip-not-hateful"
          disabled={disabled}
        />
        <Chip
          on={hateful}
          label="Hateful"
          shortcut="H"
          onClick={() => onHate(HATEFUL)}
          testId="chip-hateful"
          disabled={disabled}
        />
      </fieldset>
      {group('pc', PC_LABELS)}
      {group('attack', ATTACK_LABELS)}
    </div>
  );
}
