import { useState } from 'react';
import type { AppInfo, ProjectSummary } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { api } from '../api';

type StartScreenProps = {
  info: AppInfo;
  settings: Settings;
  project: ProjectSummary | null;
  onSettings: (s: Settings) => void;
  onProject: (p: ProjectSummary) => void;
  onStart: () => void;
};

/** Who is labeling, and which project: the two choices before the first meme. */
export function StartScreen({ info, settings, project, onSettings, onProject, onStart }: StartScreenProps) {
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notProject, setNotProject] = useState<string | null>(null);
  const [importPath, setImportPath] = useState('');
  const [imported, setImported] = useState<string | null>(null);
  const current = settings.currentAnnotator;

  const run = async (fn: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const open = (dir: string, create = false): Promise<void> =>
    run(async () => {
      try {
        onProject(await api().project.open({ dir, create }));
        setNotProject(null);
      } catch (e) {
        if (/not a Meme Jury project/.test((e as Error).message)) setNotProject(dir);
        else throw e;
      }
    });

  return (
    <div className="start-screen">
      <section className="card" data-testid="profiles">
        <h2>1. Who is labeling?</h2>
        <p className="muted">Each annotator writes only their own file, so a team can share one folder.</p>
        <ul className="choice-list">
          {settings.annotators.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={a.id === current ? 'on' : ''}
                onClick={() => run(async () => onSettings(await api().annotator.select({ id: a.id })))}
                data-testid={`profile-${a.id}`}
              >
                <strong>{a.id}</strong> {a.name && <span className="muted">{a.name}</span>}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              onSettings(await api().annotator.create({ id: newId.trim(), name: newName.trim() }));
              setNewId('');
              setNewName('');
            });
          }}
        >
          <input
            value={newId}
            onChange={(e) => setNewId(e.target.value)}
            placeholder="annotator id, e.g. ann-a"
            aria-label="New annotator id"
            data-testid="new-profile-id"
          />
          <input
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
            placeholder="name (optional)"
            aria-label="Name"
          />
          <button type="submit" disabled={!newId.trim()} data-testid="create-profile">
            Add profile
          </button>
        </form>
      </section>

      <section className="card" data-testid="projects">
        <h2>2. Which project?</h2>
        {project && (
          <div className="current-project">
            <div>
              <strong>{project.name}</strong> <span className="muted">{project.dir}</span>
              <div className="muted">
                {project.items.toLocaleString()} memes · {project.annotators.length} annotators · policy{' '}
                {project.goldPolicy}
                {project.missingImages > 0 && ` · ${project.missingImages} images missing`}
              </div>
            </div>
            <button
              type="button"
              className="primary"
              disabled={!current}
              onClick={onStart}
              data-testid="start-labeling"
            >
              Start labeling
            </button>
          </div>
        )}
        {!current && <p className="hint">Choose or add an annotator profile first.</p>}
        {project && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const r = await api().project.import(importPath.trim() ? { file: importPath.trim() } : {});
                if (!r) return;
                setImported(`${r.records} records: ${r.itemsAdded} new memes, ${r.annotationsAdded} labels.`);
                onProject(
                  await api()
                    .project.current()
                    .then((p) => p ?? project),
                );
              });
            }}
          >
            <input
              value={importPath}
              onChange={(e) => setImportPath(e.target.value)}
              placeholder={info.dialogs ? 'FGHM file (empty: choose…)' : '/path/to/fghm-file.jsonl'}
              aria-label="FGHM file to import"
              data-testid="import-path"
            />
            <button type="submit" disabled={!info.dialogs && !importPath.trim()} data-testid="import-run">
              Import FGHM file
            </button>
          </form>
        )}
        {imported && (
          <p className="banner ok" data-testid="import-result">
            {imported}
          </p>
        )}
        <div className="button-row">
          {info.dialogs && (
            <button
              type="button"
              onClick={() =>
                run(async () => {
                  const { dir } = await api().project.chooseFolder();
                  if (dir) await open(dir);
                })
              }
            >
              Open folder…
            </button>
          )}
          <button
            type="button"
            onClick={() => run(async () => onProject(await api().project.openDemo()))}
            data-testid="open-demo"
          >
            Open demo project
          </button>
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void open(path.trim());
          }}
        >
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/path/to/project folder"
            aria-label="Project folder"
            data-testid="project-path"
          />
          <button type="submit" disabled={!path.trim()}>
            Open
          </button>
        </form>
        {notProject && (
          <p className="hint">
            {notProject} is not a Meme Jury project yet.{' '}
            <button type="button" onClick={() => void open(notProject, true)}>
              Make it a project
            </button>
          </p>
        )}
        {settings.recentProjects.length > 0 && (
          <>
            <h3>Recent</h3>
            <ul className="choice-list">
              {settings.recentProjects.map((r) => (
                <li key={r.dir}>
                  <button type="button" onClick={() => void open(r.dir)}>
                    <strong>{r.name}</strong> <span className="muted">{r.dir}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {error && (
        <div className="banner error" role="alert" data-testid="start-error">
          {error}
        </div>
      )}
    </div>
  );
}
