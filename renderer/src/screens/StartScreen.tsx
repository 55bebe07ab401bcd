import { useState } from 'react';
import type { AppInfo, ProjectSummary } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { api, messageOf } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ProfilesCard } from '../components/start/ProfilesCard';
import { ProjectNotices } from '../components/start/ProjectNotices';
import { RulesCard } from '../components/start/RulesCard';
import { TeamCard } from '../components/start/TeamCard';
import { plural } from '../../../shared/text';

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
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notProject, setNotProject] = useState<string | null>(null);
  const [importPath, setImportPath] = useState('');
  const [imported, setImported] = useState<string | null>(null);
  const current = settings.currentAnnotator;

  /** Runs an action; its error shows in the banner. Resolves whether it succeeded. */
  const run = async (fn: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };

  const open = (dir: string, create = false): Promise<boolean> =>
    run(async () => {
      try {
        onProject(await api().project.open({ dir, create }));
        setNotProject(null);
      } catch (e) {
        if (/not a Meme Jury project/.test(messageOf(e))) setNotProject(dir);
        else throw e;
      }
    });

  return (
    <div className="start-screen">
      <ProfilesCard
        annotators={settings.annotators}
        current={current}
        onSelect={(id) => void run(async () => onSettings(await api().annotator.select({ id })))}
        onCreate={(id, name) => run(async () => onSettings(await api().annotator.create({ id, name })))}
      />

      <section className="card" data-testid="projects">
        <h2>2. Which project?</h2>
        {project && (
          <div className="current-project">
            <div>
              <strong>{project.name}</strong> <span className="muted">{project.dir}</span>
              <div className="muted">
                {plural(project.items, 'meme')} · {plural(project.annotators.length, 'annotator')} (
                {project.voters} with votes) · policy {project.goldPolicy}
                {project.missingImages > 0 && ` · ${plural(project.missingImages, 'image')} missing`}
              </div>
              <ProjectNotices project={project} />
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
                // Electron: main's dialog picks the file; browser mode: a path relative to the
                // project folder or the folder given to `memejury serve --imports`.
                const r = await api().project.import(info.dialogs ? {} : { file: importPath.trim() });
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
            {!info.dialogs && (
              <input
                value={importPath}
                onChange={(e) => setImportPath(e.target.value)}
                placeholder="labels.jsonl"
                aria-label="File or folder to import (FGHM, Label Studio JSON, Prodigy JSONL, Meme Jury CSV or a Hugging Face export folder), relative to the project folder (or the folder given to serve --imports)"
                data-testid="import-path"
              />
            )}
            <button
              type="submit"
              disabled={!info.dialogs && !importPath.trim()}
              data-testid="import-run"
              title="FGHM, Label Studio JSON, Prodigy JSONL, Meme Jury CSV or a Hugging Face export folder, recognised by content"
            >
              {info.dialogs ? 'Import labels…' : 'Import labels'}
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
      {project && settings.currentAnnotator && <TeamCard project={project} onProject={onProject} />}
      {project && project.role === 'lead' && (
        <RulesCard project={project} info={info} onProject={onProject} />
      )}
      <ErrorBanner message={error} testId="start-error" />
    </div>
  );
}
