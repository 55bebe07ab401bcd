import { useState } from 'react';
import type { ProjectSummary } from '../../../shared/api';
import type { GuidelinesView } from '../../../shared/guidelines';
import { api, call, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { byTestId, focusAfterward } from '../focus';
import { GuidelineVersionsTable } from '../components/guide/GuidelineVersionsTable';
import { GuideView } from '../components/guide/GuideView';
import { Modal } from '../components/Modal';
import { useGuidelines } from '../data/useGuidelines';
import { useQuery } from '../data/useQuery';
import { noun } from '../../../shared/text';

type GuidelinesScreenProps = { project: ProjectSummary; onProject: (p: ProjectSummary) => void };

/**
 * The lead's guidelines: edit the Markdown with a preview beside it and save a new version (lead
 * mode); every version with the votes made under it and their agreement, and the text of any
 * kept version, so a lead can read what a label was made under.
 */
export function GuidelinesScreen({ project, onProject }: GuidelinesScreenProps) {
  const guide = useGuidelines();
  const versions = useQuery('guidelines:versions', {}, { refreshOn: ['project:changed'] });
  // The lead's edit and the version it started from (a save from a stale version is refused).
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [reading, setReading] = useState<GuidelinesView | null>(null);
  const current = guide.data;
  const text = draft?.text ?? current?.markdown ?? '';
  const dirty = draft !== null && current !== null && draft.text !== current.markdown;
  const run = (p: Promise<unknown>): void =>
    void p.then(() => setError(null)).catch((e: unknown) => setError(messageOf(e)));

  const save = (): void => {
    if (!draft || !current) return;
    // Save turns off once saved: the focus goes to what the save did.
    const refocus = focusAfterward();
    run(
      call('guidelines:save', { markdown: draft.text, base: draft.base }).then((v) => {
        guide.setData(v);
        versions.refresh();
        setDraft(null);
        setSaved(`Saved as version ${v.short}. Every label saved from now on records it.`);
        refocus(() => byTestId('guide-saved'));
      }),
    );
  };

  return (
    <div className="guidelines-screen" data-testid="guidelines-screen">
      <ErrorBanner message={guide.error ?? versions.error} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <section className="card guide-editor" aria-labelledby="guide-edit-heading">
        <h2 id="guide-edit-heading">Edit the guidelines</h2>
        <p className="muted">
          Markdown. A level-2 heading names a label (<code>## Race</code>, <code>## Inciting violence</code>);
          the text under it is the definition annotators see on that label&apos;s chip; examples go under{' '}
          <code>### Examples</code>, hidden behind a content warning until opened.
        </p>
        {!project.lead && (
          <p className="banner warn" role="note" data-testid="guide-lead-off">
            Saving needs lead mode (one lead app at a time).{' '}
            <button
              type="button"
              onClick={() => run(api().lead.set({ on: true }).then(onProject))}
              data-testid="guide-lead-on"
            >
              Turn on lead mode
            </button>
          </p>
        )}
        <textarea
          className="guide-source"
          aria-label="Guidelines (Markdown)"
          value={text}
          spellCheck
          onChange={(e) => {
            const next = e.target.value;
            if (current) setDraft((d) => ({ base: d?.base ?? current.version, text: next }));
            setSaved(null);
          }}
          data-testid="guide-source"
        />
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={save}
            disabled={!dirty || !project.lead}
            data-testid="guide-save"
          >
            Save a new version
          </button>
          <button
            type="button"
            onClick={() => setDraft(null)}
            disabled={draft === null}
            data-testid="guide-revert"
          >
            Discard changes
          </button>
          {saved && (
            <span role="status" className="ok-text" tabIndex={-1} data-testid="guide-saved">
              {saved}
            </span>
          )}
        </div>
      </section>
      <section className="card guide-preview" aria-labelledby="guide-preview-heading">
        <h2 id="guide-preview-heading">{dirty ? 'Preview (not saved)' : 'As annotators see them'}</h2>
        {current && (
          <div className="guide-scroll" tabIndex={0} role="region" aria-label="Preview of the guidelines">
            <GuideView
              guide={{
                markdown: text,
                short: dirty ? 'not saved yet' : current.short,
                source: dirty ? 'project' : current.source,
              }}
              testId="guide-preview"
            />
          </div>
        )}
      </section>
      <section className="card guide-history" aria-labelledby="guide-versions-heading">
        <h2 id="guide-versions-heading">Versions and the labels made under each</h2>
        {versions.data && (
          <>
            <p data-testid="guide-older-count">
              <strong>{versions.data.older.toLocaleString()}</strong> current{' '}
              {versions.data.older === 1 ? 'vote was' : 'votes were'} made under an older version
              {versions.data.unrecorded > 0 &&
                `; ${versions.data.unrecorded.toLocaleString()} ${noun(versions.data.unrecorded, 'records', 'record')} no version (imported, or made before versioning)`}
              . Review lists their memes under “made under older guidelines”.
            </p>
            <GuidelineVersionsTable
              versions={versions.data}
              onRead={(version) =>
                run(
                  call('guidelines:version', { version }).then((v) => {
                    // An archived copy altered since it was saved is no longer that version.
                    if (!v)
                      throw new Error(
                        `the text of version ${version.slice(0, 12)} is not kept (or was altered)`,
                      );
                    setReading(v);
                  }),
                )
              }
            />
          </>
        )}
      </section>
      {reading && (
        <Modal
          title={`Guidelines version ${reading.short}`}
          onClose={() => setReading(null)}
          wide
          testId="guide-old"
        >
          <div className="guide-scroll" tabIndex={0} role="region" aria-label={`Version ${reading.short}`}>
            <GuideView guide={reading} />
          </div>
          <div className="modal-actions">
            <button type="button" className="primary" onClick={() => setReading(null)}>
              Close <kbd>Esc</kbd>
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
