import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/export';
import type { GoldPolicy } from '../../../../shared/gold';

/** Every export choice, filled in (the contract's `export:preview` options, none left out). */
export type ExportOptions = {
  format: ExportFormat;
  policy: GoldPolicy;
  splits: string[];
  includeIncomplete: boolean;
  includeUnresolved: boolean;
  rights: { excludeNoConsent: boolean; excludeLicences: string[]; excludeRegions: string[] };
};

type ExportOptionsFormProps = {
  o: ExportOptions;
  onChange: (o: ExportOptions) => void;
  /** The project's set_name values. */
  splits: readonly string[];
  targetAnnotators: number;
  /** Unresolved items in the current selection, for the "include unresolved" label. */
  unresolved: number;
};

const words = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Format, policy, splits, completeness, unresolved items and data-rights filters. */
export function ExportOptionsForm({
  o,
  onChange,
  splits,
  targetAnnotators,
  unresolved,
}: ExportOptionsFormProps) {
  return (
    <div className="form-grid">
      <label>
        Format
        <select
          value={o.format}
          onChange={(e) => onChange({ ...o, format: e.target.value as ExportOptions['format'] })}
          data-testid="export-format"
        >
          <option value="fghm">FGHM (released shape)</option>
          <option value="full">full (annotators, votes, decisions, provenance)</option>
          <option value="labelstudio">Label Studio JSON (tasks, annotations, predictions)</option>
          <option value="prodigy">Prodigy JSONL (choice tasks, one per answer)</option>
          <option value="csv">CSV (a gold row per meme, a row per vote)</option>
          <option value="hf">Hugging Face dataset folder (imagefolder + card)</option>
        </select>
      </label>
      <label>
        Gold policy
        <select
          value={o.policy}
          onChange={(e) => onChange({ ...o, policy: e.target.value as ExportOptions['policy'] })}
          data-testid="export-policy"
        >
          <option value="fghm">fghm (reproduces the released gold)</option>
          <option value="strict">strict (majority only; the rest to the lead)</option>
        </select>
      </label>
      <fieldset>
        <legend>Splits</legend>
        {splits.length === 0 && <span className="muted">no set_name in this project</span>}
        {splits.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={o.splits.includes(s)}
              onChange={(e) =>
                onChange({
                  ...o,
                  splits: e.target.checked ? [...o.splits, s] : o.splits.filter((x) => x !== s),
                })
              }
            />{' '}
            {s}
          </label>
        ))}
        <small className="muted">none ticked: all splits</small>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={o.includeIncomplete}
          onChange={(e) => onChange({ ...o, includeIncomplete: e.target.checked })}
          data-testid="export-incomplete"
        />{' '}
        also incomplete items (fewer than {targetAnnotators} votes, not closed or decided)
      </label>
      <label>
        <input
          type="checkbox"
          checked={o.includeUnresolved}
          onChange={(e) => onChange({ ...o, includeUnresolved: e.target.checked })}
          data-testid="export-unresolved"
        />{' '}
        include unresolved items ({unresolved.toLocaleString()}), with empty gold
      </label>
      <fieldset>
        <legend>Data rights</legend>
        <label>
          <input
            type="checkbox"
            checked={o.rights.excludeNoConsent}
            onChange={(e) => onChange({ ...o, rights: { ...o.rights, excludeNoConsent: e.target.checked } })}
            data-testid="export-consent"
          />{' '}
          leave out memes without consent (no or unknown)
        </label>
        <ListField
          label="leave out licences"
          placeholder="e.g. unknown, proprietary"
          value={o.rights.excludeLicences}
          onApply={(excludeLicences) => onChange({ ...o, rights: { ...o.rights, excludeLicences } })}
          testId="export-licences"
        />
        <ListField
          label="leave out regions"
          placeholder="e.g. EU"
          value={o.rights.excludeRegions}
          onApply={(excludeRegions) => onChange({ ...o, rights: { ...o.rights, excludeRegions } })}
          testId="export-regions"
        />
      </fieldset>
    </div>
  );
}

type ListFieldProps = {
  label: string;
  placeholder: string;
  value: readonly string[];
  onApply: (list: string[]) => void;
  testId: string;
};

/**
 * A comma-separated list typed as text. It applies when the field is left or on Enter (a form of
 * its own, so Enter never starts the export), and only when the list changed, so leaving the
 * field unchanged keeps the last result shown.
 */
function ListField({ label, placeholder, value, onApply, testId }: ListFieldProps) {
  const [text, setText] = useState(value.join(', '));
  const apply = (): void => {
    const next = words(text);
    if (next.join() !== value.join()) onApply(next);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label>
        {label}
        <input
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          data-testid={testId}
        />
      </label>
    </form>
  );
}
