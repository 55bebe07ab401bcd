import { useState } from 'react';
import type { AppInfo, AuditSummary, ForgetSummary, ProjectSummary } from '../../../shared/api';
import type { ItemId } from '../../../shared/records';
import { plural } from '../../../shared/text';
import { api, messageOf } from '../api';
import { byTestId, focusAfterward } from '../focus';
import { ErrorBanner } from '../components/ErrorBanner';
import { AuditResult } from '../components/rights/AuditResult';
import { ForgetAnnotator } from '../components/rights/ForgetAnnotator';
import { ForgetResult } from '../components/rights/ForgetResult';
import { ProvenanceSummary } from '../components/rights/ProvenanceSummary';
import { RightsItemView } from '../components/rights/RightsItemView';
import { TombstoneTable } from '../components/rights/TombstoneTable';
import { useQuery } from '../data/useQuery';

type RightsScreenProps = { project: ProjectSummary; info: AppInfo; onProject: (p: ProjectSummary) => void };

const parseId = (raw: string): ItemId => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw.trim());

/** Where each meme came from, under which licence and consent; forgetting; the audit. */
export function RightsScreen({ project, info, onProject }: RightsScreenProps) {
  const summary = useQuery('rights:summary', undefined, { refreshOn: ['project:changed'] });
  const [lookup, setLookup] = useState('');
  const [shown, setShown] = useState<ItemId | null>(null);
  const item = useQuery('rights:item', { id: shown ?? 0 }, { enabled: shown !== null });
  const [audit, setAudit] = useState<AuditSummary | null>(null);
  const [forgot, setForgot] = useState<ForgetSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // What the last provenance save did, for the meme it was saved on.
  const [provSaved, setProvSaved] = useState<{ id: ItemId; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown): void => setError(messageOf(e));

  const show = (raw: string): void => {
    if (raw.trim() === '') {
      setError('Type the id of a meme first (a number such as 42, or an id the project shows).');
      return;
    }
    setError(null);
    setShown(parseId(raw));
    item.refresh();
  };
  const importProvenance = (file: string | undefined): void =>
    void api()
      .rights.importProvenance(file === undefined ? {} : { file })
      .then((r) => {
        if (r)
          setMessage(
            `Provenance: ${plural(r.events, 'change')} from ${plural(r.items, 'row')} recorded in governance.jsonl.`,
          );
        summary.refresh();
        // The meme on display may be one the file changed.
        if (shown !== null) item.refresh();
      })
      .catch(fail);

  const leadOff = !project.lead;
  const s = summary.data;
  const shownItem = item.data;
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
      <ErrorBanner message={error ?? summary.error ?? item.error} />
      {message && <div className="banner ok">{message}</div>}
      {s && (
        <ProvenanceSummary
          summary={s}
          dialogs={info.dialogs}
          disabled={leadOff}
          onImport={importProvenance}
        />
      )}
      <section className="card">
        <h2>One meme</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            show(lookup);
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
        {shownItem && (
          <RightsItemView
            item={shownItem}
            disabled={leadOff}
            saved={provSaved && String(provSaved.id) === String(shownItem.item.id) ? provSaved.text : null}
            onSetProvenance={(set) => {
              // The form starts afresh and Save turns off: the focus goes to what the save did.
              const refocus = focusAfterward();
              const id = shownItem.item.id;
              void api()
                .rights.setProvenance({ id, set })
                .then((r) => {
                  item.setData(r);
                  summary.refresh();
                  setProvSaved({
                    id,
                    text: `Provenance of meme #${String(id)} saved (${Object.keys(set).join(', ')}).`,
                  });
                  refocus(() => byTestId('prov-saved'));
                })
                .catch(fail);
            }}
            onForget={(reason, requestedBy) => {
              // The meme and its form go: the focus goes to what forgetting did.
              const refocus = focusAfterward();
              return api()
                .rights.forget({ id: shownItem.item.id, reason, requestedBy })
                .then((r) => {
                  setForgot(r);
                  setShown(null);
                  summary.refresh();
                  refocus(() => byTestId('forget-result'));
                });
            }}
          />
        )}
        {forgot && <ForgetResult forgot={forgot} />}
      </section>
      <ForgetAnnotator
        annotators={project.annotators}
        disabled={leadOff}
        onForgotten={(r) => {
          setForgot(r);
          summary.refresh();
        }}
      />
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
        {audit && <AuditResult audit={audit} />}
        {s && s.tombstones.length > 0 && <TombstoneTable tombstones={s.tombstones} />}
      </section>
    </div>
  );
}
