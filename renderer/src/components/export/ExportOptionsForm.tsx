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
  // Licences and regions are typed as text and apply when the field is left or on Enter.
  const [licences, setLicences] = useState(o.rights.excludeLicences.join(', '));
  const [regions, setRegions] = useState(o.rights.excludeRegions.join(', '));
  // Applied only when the list changed, so leaving the field unchanged keeps the last result shown.
  const applyLicences = (): void => {
    const next = words(licences);
    if (next.join() !== o.rights.excludeLicences.join())
      onChange({ ...o, rights: { ...o.rights, excludeLicences: next } });
  };
  const applyRegions = (): void => {
    const next = words(regions);
    if (next.join() !== o.rights.excludeRegions.join())
      onChange({ ...o, rights: { ...o.rights, excludeRegions: next } });
  };
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
        {/* Each list applies when its field is left or on Enter (a form of its own, so Enter
            never starts the export). */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            applyLicences();
          }}
        >
          <label>
            leave out licences
            <input
              value={licences}
              placeholder="e.g. unknown, proprietary"
              onChange={(e) => setLicences(e.target.value)}
              onBlur={applyLicences}
              data-testid="export-licences"
            />
          </label>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            applyRegions();
          }}
        >
          <label>
            leave out regions
            <input
              value={regions}
              placeholder="e.g. EU"
              onChange={(e) => setRegions(e.target.value)}
              onBlur={applyRegions}
              data-testid="export-regions"
            />
          </label>
        </form>
      </fieldset>
    </div>
  );
}
