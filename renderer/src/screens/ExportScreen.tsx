import { useEffect, useState } from 'react';
import type { AppInfo, ExportRun, ProjectSummary } from '../../../shared/api';
import type { ExportCounts } from '../../../shared/export';
import { api, onEvent } from '../api';
import { ProgressBar } from '../components/ProgressBar';

type ExportScreenProps = { project: ProjectSummary; info: AppInfo };

type Options = {
  format: 'fghm' | 'full';
  policy: 'fghm' | 'strict';
  splits: string[];
  completeOnly: boolean;
  includeUnresolved: boolean;
  rights: { excludeNoConsent: boolean; excludeLicences: string[]; excludeRegions: string[] };
};

const words = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Gold export: choose, preview the counts, write atomically. */
export function ExportScreen({ project, info }: ExportScreenProps) {
  const [o, setO] = useState<Options>({
    format: 'fghm',
    policy: project.goldPolicy,
    splits: [],
    completeOnly: false,
    includeUnresolved: false,
    rights: { excludeNoConsent: false, excludeLicences: [], excludeRegions: [] },
  });
  const [licences, setLicences] = useState('');
  const [regions, setRegions] = useState('');
  const [out, setOut] = useState(
    `${project.dir}/export/${project.name.replace(/[^\w.-]+/g, '-')}-gold.jsonl`,
  );
  const [preview, setPreview] = useState<ExportCounts | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ExportRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api()
      .export.preview({ options: o })
      .then((c) => live && setPreview(c))
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [o]);
  useEffect(
    () =>
      onEvent('task:progress', (p) => p.task === 'export' && setProgress({ done: p.done, total: p.total })),
    [],
  );

  const run = (): void => {
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: preview?.exported ?? 0 });
    api()
      .export.run({ options: o, ...(info.dialogs ? {} : { out }) })
      .then((r) => setResult(r))
      .catch((e: Error) => setError(e.message));
  };
  const unresolved = preview ? preview.skipped.unresolved + preview.unresolvedIncluded : 0;
  return (
    <div className="export-screen">
      <section className="card">
        <h2>Export gold</h2>
        <div className="form-grid">
          <label>
            Format
            <select
              value={o.format}
              onChange={(e) => setO({ ...o, format: e.target.value as Options['format'] })}
              data-testid="export-format"
            >
              <option value="fghm">FGHM (released shape)</option>
              <option value="full">full (annotators, votes, decisions, provenance)</option>
            </select>
          </label>
          <label>
            Gold policy
            <select
              value={o.policy}
              onChange={(e) => setO({ ...o, policy: e.target.value as Options['policy'] })}
              data-testid="export-policy"
            >
              <option value="fghm">fghm (reproduces the released gold)</option>
              <option value="strict">strict (majority only; the rest to the lead)</option>
            </select>
          </label>
          <fieldset>
            <legend>Splits</legend>
            {project.splits.length === 0 && <span className="muted">no set_name in this project</span>}
            {project.splits.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={o.splits.includes(s)}
                  onChange={(e) =>
                    setO({
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
              checked={o.completeOnly}
              onChange={(e) => setO({ ...o, completeOnly: e.target.checked })}
              data-testid="export-complete"
            />{' '}
            complete items only ({project.targetAnnotators} votes, or decided)
          </label>
          <label>
            <input
              type="checkbox"
              checked={o.includeUnresolved}
              onChange={(e) => setO({ ...o, includeUnresolved: e.target.checked })}
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
                onChange={(e) => setO({ ...o, rights: { ...o.rights, excludeNoConsent: e.target.checked } })}
                data-testid="export-consent"
              />{' '}
              leave out memes without consent (no or unknown)
            </label>
            <label>
              leave out licences
              <input
                value={licences}
                placeholder="e.g. unknown, proprietary"
                onChange={(e) => setLicences(e.target.value)}
                onBlur={() => setO({ ...o, rights: { ...o.rights, excludeLicences: words(licences) } })}
                data-testid="export-licences"
              />
            </label>
            <label>
              leave out regions
              <input
                value={regions}
                placeholder="e.g. EU"
                onChange={(e) => setRegions(e.target.value)}
                onBlur={() => setO({ ...o, rights: { ...o.rights, excludeRegions: words(regions) } })}
                data-testid="export-regions"
              />
            </label>
          </fieldset>
        </div>
        {preview && (
          <p className="preview" data-testid="export-preview">
            <strong>{preview.exported.toLocaleString()}</strong> of {preview.items.toLocaleString()} memes
            will be written ({preview.hateful.toLocaleString()} hateful, {preview.notHateful.toLocaleString()}{' '}
            not hateful{preview.unresolvedIncluded ? `, ${preview.unresolvedIncluded} unresolved` : ''}). Left
            out: {preview.skipped.unresolved.toLocaleString()} unresolved,{' '}
            {preview.skipped.incomplete.toLocaleString()} incomplete, {preview.skipped.split.toLocaleString()}{' '}
            in other splits
            {preview.skipped.rights ? `, ${preview.skipped.rights} by data-rights filters` : ''}.
          </p>
        )}
        <div className="inline-form">
          {!info.dialogs && (
            <input
              value={out}
              onChange={(e) => setOut(e.target.value)}
              aria-label="Output file"
              data-testid="export-out"
            />
          )}
          <button
            type="button"
            className="primary"
            onClick={run}
            disabled={!preview}
            data-testid="export-run"
          >
            Export…
          </button>
        </div>
        {progress && !result && !error && (
          <ProgressBar label="Writing" done={progress.done} total={progress.total} testId="export-progress" />
        )}
        {result && (
          <p className="banner ok" data-testid="export-result">
            Wrote {result.counts.exported.toLocaleString()} records ({(result.bytes / 1024).toFixed(1)} KB) to{' '}
            {result.out}
            {result.manifest ? `; manifest ${result.manifest}` : ''}. The file was written to a temporary
            name, synced and renamed: it is complete or absent, never half-written.
          </p>
        )}
        {error && <p className="banner error">{error}</p>}
      </section>
    </div>
  );
}
