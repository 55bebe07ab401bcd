import { useState } from 'react';
import type { Provenance } from '../../../shared/records';

type ProvenanceEditorProps = { value: Provenance; disabled: boolean; onSave: (p: Provenance) => void };

const FIELDS = ['source', 'licence', 'consent', 'region', 'notes'] as const;

/** A field as the form shows it: absent is empty text, absent consent is "unknown". */
const shown = (p: Provenance, k: (typeof FIELDS)[number]): string =>
  k === 'consent' ? (p.consent ?? 'unknown') : (p[k] ?? '');

/**
 * One meme's provenance. Saving sends only the fields the lead changed (an emptied field is sent
 * empty, which clears it); with nothing changed, Save is off and nothing is written.
 */
export function ProvenanceEditor({ value, disabled, onSave }: ProvenanceEditorProps) {
  const [p, setP] = useState<Provenance>(value);
  const changed = Object.fromEntries(
    FIELDS.filter((k) => shown(p, k) !== shown(value, k)).map((k) => [k, shown(p, k)]),
  ) as Provenance;
  const dirty = Object.keys(changed).length > 0;
  const field = (key: 'source' | 'licence' | 'region' | 'notes', label: string) => (
    <label>
      {label}
      <input
        value={p[key] ?? ''}
        disabled={disabled}
        onChange={(e) => setP({ ...p, [key]: e.target.value })}
        data-testid={`prov-${key}`}
      />
    </label>
  );
  return (
    <form
      className="provenance"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && !disabled) onSave(changed);
      }}
    >
      {field('source', 'Source')}
      {field('licence', 'Licence')}
      <label>
        Consent
        <select
          value={p.consent ?? 'unknown'}
          disabled={disabled}
          onChange={(e) => setP({ ...p, consent: e.target.value as Provenance['consent'] })}
          data-testid="prov-consent"
        >
          <option value="unknown">unknown</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      </label>
      {field('region', 'Region')}
      {field('notes', 'Notes')}
      <button type="submit" disabled={disabled || !dirty} data-testid="prov-save">
        Save provenance
      </button>
    </form>
  );
}
