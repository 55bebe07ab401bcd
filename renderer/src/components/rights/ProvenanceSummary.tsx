import { useState } from 'react';
import type { RightsSummary } from '../../../../shared/api';
import { BarChart } from '../Charts';
import { plural } from '../../../../shared/text';

type ProvenanceSummaryProps = {
  summary: RightsSummary;
  /**
   * Electron: a native dialog in main picks the file; browser mode: a path relative to the
   * project folder (or the folder given to `memejury serve --imports`) is typed.
   */
  dialogs: boolean;
  disabled: boolean;
  /** Imports a provenance sidecar (CSV or JSONL); `file` is undefined when a dialog picks it. */
  onImport: (file: string | undefined) => void;
};

const bars = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([label, value]) => ({ label, value }));

/** How much provenance is recorded, by consent, licence, region and source; sidecar import. */
export function ProvenanceSummary({ summary, dialogs, disabled, onImport }: ProvenanceSummaryProps) {
  const [sidecar, setSidecar] = useState('');
  return (
    <section className="card">
      <h2>Provenance</h2>
      <p className="muted">
        {summary.withProvenance.toLocaleString()} of {plural(summary.items, 'meme')}{' '}
        {summary.withProvenance === 1 ? 'has' : 'have'} provenance recorded.
      </p>
      <div className="stats-grid">
        <BarChart title="Consent" bars={bars(summary.counts.consent)} testId="chart-consent" />
        <BarChart title="Licence" bars={bars(summary.counts.licence)} />
        <BarChart title="Region" bars={bars(summary.counts.region)} />
        <BarChart title="Source" bars={bars(summary.counts.source)} />
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled && (dialogs || sidecar.trim())) onImport(dialogs ? undefined : sidecar.trim());
        }}
      >
        {!dialogs && (
          <input
            value={sidecar}
            onChange={(e) => setSidecar(e.target.value)}
            placeholder="provenance.csv (id,source,licence,consent,region,notes)"
            aria-label="Provenance file, relative to the project folder (or the folder given to serve --imports)"
            data-testid="sidecar-path"
          />
        )}
        <button
          type="submit"
          disabled={disabled || (!dialogs && !sidecar.trim())}
          data-testid="sidecar-import"
        >
          {dialogs ? 'Import provenance file…' : 'Import provenance file'}
        </button>
      </form>
    </section>
  );
}
