import { useEffect, useState } from 'react';
import type {
  AppInfo,
  AuditSummary,
  ForgetSummary,
  ProjectSummary,
  RightsItem,
  RightsSummary,
} from '../../../shared/api';
import type { Provenance } from '../../../shared/records';
import { api, onEvent } from '../api';
import { BarChart } from '../components/Charts';
import { ProvenanceEditor } from '../components/ProvenanceEditor';
import { ForgetPanel } from '../components/ForgetPanel';

type RightsScreenProps = { project: ProjectSummary; info: AppInfo; onProject: (p: ProjectSummary) => void };

const bars = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([label, value]) => ({ label, value }));

/** Where each meme came from, under which licence and consent; forgetting; the audit. */
export function RightsScreen({ project, info, onProject }: RightsScreenProps) {
  const [summary, setSummary] = useState<RightsSummary | null>(null);
  const [lookup, setLookup] = useState('');
  const [item, setItem] = useState<RightsItem | null>(null);
  const [audit, setAudit] = useState<AuditSummary | null>(null);
  const [forgot, setForgot] = useState<ForgetSummary | null>(null);
  const [sidecar, setSidecar] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const fail = (e: Error): void => setError(e.message);
  useEffect(() => onEvent('project:changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    api()
      .rights.summary()
      .then((s) => live && setSummary(s))
      .catch(fail);
    return () => {
      live = false;
    };
  }, [version]);
  const load = (raw: string): void => {
    setError(null);
    const id = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim();
    api().rights.item({ id }).then(setItem).catch(fail);
  };
  const leadOff = !project.lead;
  return (
    <div className="rights" data-testid="rights">
      {leadOff && (
        <div className="banner">
          Reading only. Changing provenance and forgetting are the lead&apos;s:{' '}
          <button
            type="button"
            data-testid="rights-lead-on"
            onClick={() => void api().lead.set({ on: true }).then(onProject).catch(fail)}
          >
            Turn on lead mode
          </button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {message && <div className="banner ok">{message}</div>}
      {summary && (
        <section className="card">
          <h2>Provenance</h2>
          <p className="muted">
            {summary.withProvenance.toLocaleString()} of {summary.items.toLocaleString()} memes have
            provenance recorded.
          </p>
          <div className="stats-grid">
            <BarChart title="Consent" bars={bars(summary.counts.consent)} testId="chart-consent" />
            <BarChart title="Licence" bars={bars(summary.counts.licence)} />
            <BarChart title="Region" bars={bars(summary.counts.region)} />
            <BarChart title="Source" bars={bars(summary.counts.source)} />
          </div>
          <div className="inline-form">
            {!info.dialogs && (
              <input
                value={sidecar}
                onChange={(e) => setSidecar(e.target.value)}
                placeholder="/path/to/provenance.csv (id,source,licence,consent,region,notes)"
                aria-label="Provenance file"
                data-testid="sidecar-path"
              />
            )}
            <button
              type="button"
              disabled={leadOff}
              onClick={() =>
                void api()
                  .rights.importProvenance(info.dialogs ? {} : { file: sidecar })
                  .then(
                    (r) =>
                      r &&
                      setMessage(
                        `Provenance: ${r.events} changes from ${r.items} rows recorded in governance.jsonl.`,
                      ),
                  )
                  .then(() => setVersion((v) => v + 1))
                  .catch(fail)
              }
              data-testid="sidecar-import"
            >
              Import provenance file
            </button>
          </div>
        </section>
      )}
      <section className="card">
        <h2>One meme</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            load(lookup);
          }}
        >
          <input
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
            placeholder="item id"
            aria-label="Item id"
            data-testid="rights-id"
          />
          <button type="submit" data-testid="rights-lookup">
            Show
          </button>
        </form>
        {item && (
          <div className="rights-item">
            <p>
              <strong>#{String(item.item.id)}</strong> <code>{item.item.img}</code> — {item.item.text}
            </p>
            <ProvenanceEditor
              key={String(item.item.id)}
              value={item.provenance}
              disabled={leadOff}
              onSave={(set: Provenance) =>
                void api()
                  .rights.setProvenance({ id: item.item.id, set })
                  .then((r) => {
                    setItem(r);
                    setVersion((v) => v + 1);
                  })
                  .catch(fail)
              }
            />
            {item.history.length > 0 && (
              <details>
                <summary>History ({item.history.length})</summary>
                <ul>
                  {item.history.map((h, i) => (
                    <li key={i}>
                      {h.at.replace('T', ' ').slice(0, 19)} by {h.by} via {h.via}: {JSON.stringify(h.set)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <ForgetPanel
              disabled={leadOff}
              what={`meme #${String(item.item.id)}`}
              onForget={(reason, requestedBy) =>
                api()
                  .rights.forget({ id: item.item.id, reason, requestedBy })
                  .then((r) => {
                    setForgot(r);
                    setItem(null);
                    setVersion((v) => v + 1);
                  })
              }
            />
          </div>
        )}
        {forgot && (
          <p className="banner ok" data-testid="forget-result">
            Forgotten. Rewritten: {forgot.rewritten.join(', ') || 'none'}. Deleted:{' '}
            {forgot.deleted.join(', ') || 'none'}.
            {forgot.deferred.length > 0 &&
              ` Left to their running apps, which purge on seeing the tombstone: ${forgot.deferred.join(', ')}.`}
          </p>
        )}
      </section>
      <section className="card">
        <h2>Audit</h2>
        <p className="muted">
          Reads every file of the project and reports any trace of forgotten items, images or annotators.
        </p>
        <button
          type="button"
          onClick={() => void api().rights.audit().then(setAudit).catch(fail)}
          data-testid="audit-run"
        >
          Run the audit
        </button>
        {audit && (
          <div data-testid="audit-result" data-findings={audit.findings.length}>
            <p className={audit.findings.length ? 'banner error' : 'banner ok'}>
              {audit.tombstones === 0
                ? 'Nothing has been forgotten in this project: there is nothing to look for.'
                : `${audit.tombstones} tombstones; ${audit.filesScanned} files and ${audit.imagesHashed} images checked; ${audit.findings.length} findings.`}
            </p>
            <ul>
              {audit.findings.map((f, i) => (
                <li key={i}>
                  {f.file}
                  {f.line ? `:${f.line}` : ''}: {f.what}
                </li>
              ))}
            </ul>
          </div>
        )}
        {summary && summary.tombstones.length > 0 && (
          <table className="metrics" data-testid="tombstones">
            <thead>
              <tr>
                <th>when</th>
                <th>what</th>
                <th>reason</th>
                <th>asked by</th>
                <th>done by</th>
                <th>hash</th>
              </tr>
            </thead>
            <tbody>
              {summary.tombstones.map((t) => (
                <tr key={t.hash + t.at}>
                  <td>{t.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{t.scope}</td>
                  <td>{t.reason}</td>
                  <td>{t.requested_by}</td>
                  <td>{t.by}</td>
                  <td>
                    <code>{t.hash}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
