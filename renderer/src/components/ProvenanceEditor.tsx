import { useState } from 'react';
import type { Provenance } from '../../../shared/records';

type ProvenanceEditorProps = { value: Provenance; disabled: boolean; onSave: (p: Provenance) => void };

export function ProvenanceEditor({ value, disabled, onSave }: ProvenanceEditorProps) {
  const [p, setP] = useState<Provenance>(value);
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
        const clean = Object.fromEntries(
          Object.entries(p).filter(([, v]) => v !== '' && v !== undefined),
        ) as Provenance;
        onSave(clean);
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
      <button type="submit" disabled={disabled} data-testid="prov-save">
        Save provenance
      </button>
    </form>
  );
}
