import { useEffect, useState } from 'react';
import type { AppInfo, ExportRun, ProjectSummary } from '../../../shared/api';
import { api, messageOf, onEvent } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ExportOptionsForm, type ExportOptions } from '../components/export/ExportOptionsForm';
import { ExportPreview } from '../components/export/ExportPreview';
import { ProgressBar } from '../components/ProgressBar';
import { useQuery } from '../data/useQuery';
import { plural } from '../../../shared/text';

type ExportScreenProps = { project: ProjectSummary; info: AppInfo };

/** What the browser-mode name field makes of the name, per format. */
const SAVED_AS: Record<ExportOptions['format'], string> = {
  fghm: 'File name (saved as .jsonl)',
  full: 'File name (saved as .jsonl)',
  labelstudio: 'File name (saved as .json)',
  prodigy: 'File name (saved as .jsonl)',
  csv: 'File name (saved as .csv)',
  hf: 'Folder name (a new folder)',
};

/** Gold export: choose, preview the counts, write atomically. */
export function ExportScreen({ project, info }: ExportScreenProps) {
  const [o, setO] = useState<ExportOptions>({
    format: 'fghm',
    policy: project.goldPolicy,
    splits: [],
    includeIncomplete: false,
    includeUnresolved: false,
    rights: { excludeNoConsent: false, excludeLicences: [], excludeRegions: [] },
  });
  // Browser mode: a file name for the project's exports/ folder (the backend sanitises it);
  // Electron: main's save dialog picks the place and the page only ever holds a handle.
  const [name, setName] = useState(`${project.name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '')}-gold`);
  const preview = useQuery('export:preview', { options: o });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The last export, numbered and timed so that a second export to the same name visibly
  // replaces the first one's message (it would otherwise read exactly the same).
  const [result, setResult] = useState<{
    run: ExportRun;
    format: ExportOptions['format'];
    n: number;
    at: Date;
  } | null>(null);
  const [runs, setRuns] = useState(0);
  // A message about an earlier choice of options or name would describe a file these options do
  // not make: any change clears it (and the finished progress bar with it).
  const stale = (): void => {
    setResult(null);
    setProgress(null);
  };
  const change = (next: ExportOptions): void => {
    setO(next);
    stale();
  };
  const [runError, setRunError] = useState<string | null>(null);
  const error = runError ?? preview.error;

  useEffect(
    () =>
      onEvent('task:progress', (p) => p.task === 'export' && setProgress({ done: p.done, total: p.total })),
    [],
  );

  const run = async (): Promise<void> => {
    setRunError(null);
    setResult(null);
    try {
      let to: { handle: string } | { name: string } = { name };
      if (info.dialogs) {
        const target = await api().export.chooseTarget({ format: o.format });
        if (!target) return;
        to = { handle: target.handle };
      }
      setProgress({ done: 0, total: preview.data?.exported ?? 0 });
      const done = await api().export.run({ options: o, to });
      const n = runs + 1;
      setRuns(n);
      setResult({ run: done, format: o.format, n, at: new Date() });
    } catch (e) {
      setRunError(messageOf(e));
    }
  };
  const counts = preview.data;
  const unresolved = counts ? counts.skipped.unresolved + counts.unresolvedIncluded : 0;
  return (
    <div className="export-screen">
      <section className="card">
        <h2>Export gold</h2>
        <ExportOptionsForm
          o={o}
          onChange={change}
          splits={project.splits}
          targetAnnotators={project.targetAnnotators}
          unresolved={unresolved}
        />
        {counts && <ExportPreview preview={counts} />}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (counts && (info.dialogs || name.trim())) void run();
          }}
        >
          {!info.dialogs && (
            <label>
              {SAVED_AS[o.format]} in the project&apos;s exports folder{' '}
              <input
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  stale();
                }}
                data-testid="export-out"
              />
            </label>
          )}
          <button
            type="submit"
            className="primary"
            disabled={!counts || (!info.dialogs && !name.trim())}
            data-testid="export-run"
          >
            {info.dialogs ? 'Export…' : 'Export'}
          </button>
        </form>
        {progress && !result && !error && (
          <ProgressBar label="Writing" done={progress.done} total={progress.total} testId="export-progress" />
        )}
        <div role="status">
          {result && (
            <p className="banner ok" key={result.n} data-testid="export-result" data-run={result.n}>
              Export {result.n} at {result.at.toLocaleTimeString()}: wrote{' '}
              {plural(result.run.counts.exported, 'record')} ({(result.run.bytes / 1024).toFixed(1)} KB) to{' '}
              {result.run.out}
              {result.run.manifest ? `; manifest ${result.run.manifest}` : ''}.{' '}
              {result.format === 'hf'
                ? 'The folder was written under a temporary name, synced and renamed: it is complete or absent, never half-written.'
                : 'The file was written to a temporary name, synced and renamed: it is complete or absent, never half-written.'}
            </p>
          )}
        </div>
        <ErrorBanner message={error} />
      </section>
    </div>
  );
}
