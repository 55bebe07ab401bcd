import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ApiEvents, ProjectSummary } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { api, onEvent } from './api';
import { ContentWarning } from './components/ContentWarning';
import { HelpOverlay } from './components/HelpOverlay';
import { PreferencesDialog } from './components/PreferencesDialog';
import { ExportScreen } from './screens/ExportScreen';
import { LabelScreen } from './screens/LabelScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { RightsScreen } from './screens/RightsScreen';
import { ScoreScreen } from './screens/ScoreScreen';
import { StartScreen } from './screens/StartScreen';
import { StatsScreen } from './screens/StatsScreen';

type View = 'start' | 'label' | 'review' | 'stats' | 'export' | 'score' | 'rights';

const VIEWS: { view: Exclude<View, 'start'>; title: string }[] = [
  { view: 'label', title: 'Label' },
  { view: 'review', title: 'Review' },
  { view: 'stats', title: 'Agreement' },
  { view: 'export', title: 'Export' },
  { view: 'score', title: 'Score' },
  { view: 'rights', title: 'Data rights' },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [project, setProject] = useState<ProjectSummary | null>(null);
  const [view, setView] = useState<View>('start');
  const [prefsOpen, setPrefsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [warned, setWarned] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api().app.info(), api().settings.get(), api().project.current()])
      .then(([i, s, p]) => {
        setInfo(i);
        setSettings(s);
        setProject(p);
        if (p && s.currentAnnotator) setView('label');
      })
      .catch((e: Error) => setFatal(e.message));
  }, []);

  const onMenu = useCallback((cmd: ApiEvents['menu:command']) => {
    const open = (p: Promise<ProjectSummary>): void =>
      void p.then(setProject).catch((e: Error) => setFatal(e.message));
    if (cmd.command === 'preferences') setPrefsOpen(true);
    else if (cmd.command === 'help') setHelpOpen(true);
    else if (cmd.command === 'import')
      void api()
        .project.import({})
        .then((r) => {
          if (!r) return;
          setNotice(
            `${r.file}: ${r.records} records, ${r.itemsAdded} new memes, ${r.annotationsAdded} labels imported.`,
          );
          return api().project.current().then(setProject);
        })
        .catch((e: Error) => setNotice(`Import failed: ${e.message}`));
    else if (cmd.command === 'export') setView('export');
    else if (cmd.command === 'open-recent' && cmd.dir) open(api().project.open({ dir: cmd.dir }));
    else if (cmd.command === 'open-demo') open(api().project.openDemo());
    else setView('start');
  }, []);
  useEffect(() => onEvent('menu:command', onMenu), [onMenu]);

  const onSettings = (s: Settings): void => {
    setSettings(s);
    // Switching annotator reopens the project for that annotator: refresh its summary.
    void api()
      .project.current()
      .then((p) => setProject(p));
  };

  if (fatal) return <div className="banner error">{fatal}</div>;
  if (!info || !settings) return <div className="loading">Loading…</div>;
  const ready = project && settings.currentAnnotator;
  const showWarning = view === 'label' && settings.preferences.contentWarning && !warned;

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Meme Jury</span>
        {project && (
          <span className="project-name" data-testid="project-name">
            {project.name}
          </span>
        )}
        <nav>
          <button
            type="button"
            className={view === 'start' ? 'on' : ''}
            onClick={() => setView('start')}
            data-testid="nav-start"
          >
            Project
          </button>
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              className={view === v.view ? 'on' : ''}
              disabled={!ready}
              onClick={() => setView(v.view)}
              data-testid={`nav-${v.view}`}
            >
              {v.title}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        {settings.currentAnnotator && (
          <span className="annotator" data-testid="annotator">
            {settings.currentAnnotator}
          </span>
        )}
        <button
          type="button"
          className="ghost"
          onClick={() => setPrefsOpen(true)}
          data-testid="open-preferences"
        >
          Preferences
        </button>
      </header>
      {notice && (
        <div className="banner" role="status" data-testid="notice">
          {notice}{' '}
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main>
        {view === 'start' || !ready ? (
          <StartScreen
            info={info}
            settings={settings}
            project={project}
            onSettings={onSettings}
            onProject={(p) => {
              setProject(p);
              void api().settings.get().then(setSettings);
            }}
            onStart={() => setView('label')}
          />
        ) : view === 'review' ? (
          <ReviewScreen
            key={project.dir}
            project={project}
            prefs={settings.preferences}
            onProject={setProject}
          />
        ) : view === 'stats' ? (
          <StatsScreen key={project.dir} project={project} info={info} />
        ) : view === 'export' ? (
          <ExportScreen key={project.dir} project={project} info={info} />
        ) : view === 'rights' ? (
          <RightsScreen key={project.dir} project={project} info={info} onProject={setProject} />
        ) : view === 'score' ? (
          <ScoreScreen info={info} />
        ) : showWarning ? (
          <ContentWarning onContinue={() => setWarned(true)} />
        ) : (
          <LabelScreen
            key={`${project.dir}:${settings.currentAnnotator}`}
            project={project}
            prefs={settings.preferences}
          />
        )}
      </main>
      {helpOpen && (
        <HelpOverlay onClose={() => setHelpOpen(false)} groups={['Label', 'Move', 'View', 'Review']} />
      )}
      {prefsOpen && (
        <PreferencesDialog
          prefs={settings.preferences}
          onSaved={setSettings}
          onClose={() => setPrefsOpen(false)}
        />
      )}
    </div>
  );
}
