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
import { useId } from 'react';
import { useGuidelines } from '../data/useGuidelines';
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
  /** The label's definition in the project's guidelines: its description, shown on hover and focus. */
  definition?: string;
};

function Chip({ on, label, shortcut, onClick, testId, disabled, definition }: ChipProps) {
  const tipId = useId();
  return (
    <span className="chip-wrap">
      <button
        type="button"
        className={`chip${on ? ' on' : ''}`}
        aria-pressed={on}
        aria-describedby={definition ? tipId : undefined}
        onClick={onClick}
        data-testid={testId}
        disabled={disabled}
      >
        <kbd>{shortcut}</kbd> {label}
      </button>
      {definition && (
        <span role="tooltip" id={tipId} className="chip-tip" data-testid={`tip-${testId}`}>
          <strong>{label}:</strong> {definition}
        </span>
      )}
    </span>
  );
}

/** The three questions as chips that show their keys. */
export function LabelPanel({ draft, onHate, onToggle, disabled }: LabelPanelProps) {
  const hateful = draft.hate === HATEFUL;
  // Each chip describes itself by its definition in the guidelines (hover, or focus by keyboard).
  const definitions = useGuidelines().data?.definitions ?? {};
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
          definition={definitions[l]}
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
          definition={definitions[NOT_HATEFUL]}
        />
        <Chip
          on={hateful}
          label="Hateful"
          shortcut="H"
          onClick={() => onHate(HATEFUL)}
          testId="chip-hateful"
          disabled={disabled}
          definition={definitions[HATEFUL]}
        />
      </fieldset>
      {group('pc', PC_LABELS)}
      {group('attack', ATTACK_LABELS)}
    </div>
  );
}
