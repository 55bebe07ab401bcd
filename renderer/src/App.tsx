import { useCallback, useEffect, useState } from 'react';
import type { ApiEvents, ProjectSummary } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { api, messageOf, onEvent } from './api';
import { ContentWarning } from './components/ContentWarning';
import { ErrorBanner } from './components/ErrorBanner';
import { HelpOverlay } from './components/HelpOverlay';
import { PreferencesDialog } from './components/PreferencesDialog';
import { ExportScreen } from './screens/ExportScreen';
import { LabelScreen } from './screens/LabelScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { RightsScreen } from './screens/RightsScreen';
import { ScoreScreen } from './screens/ScoreScreen';
import { StartScreen } from './screens/StartScreen';
import { StatsScreen } from './screens/StatsScreen';
import { useQuery } from './data/useQuery';

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
  const infoQuery = useQuery('app:info', undefined);
  const settingsQuery = useQuery('settings:get', undefined);
  const projectQuery = useQuery('project:current', undefined);
  const info = infoQuery.data;
  const settings = settingsQuery.data;
  const project = projectQuery.data;
  const { setData: setSettings, refresh: refreshSettings } = settingsQuery;
  const { setData: setProject, refresh: refreshProject } = projectQuery;
  // null until the first answers arrive: then labeling if a project and an annotator are set.
  const [view, setView] = useState<View | null>(null);
  const [prefsOpen, setPrefsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [warned, setWarned] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  const started = info !== null && settings !== null && !projectQuery.loading && !projectQuery.error;
  if (view === null && started) setView(project && settings.currentAnnotator ? 'label' : 'start');

  const onMenu = useCallback(
    (cmd: ApiEvents['menu:command']) => {
      const open = (p: Promise<ProjectSummary>): void =>
        void p.then(setProject).catch((e: unknown) => setFatal(messageOf(e)));
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
            refreshProject();
          })
          .catch((e: unknown) => setNotice(`Import failed: ${messageOf(e)}`));
      else if (cmd.command === 'export') setView('export');
      else if (cmd.command === 'open-recent' && cmd.dir) open(api().project.open({ dir: cmd.dir }));
      else if (cmd.command === 'open-demo') open(api().project.openDemo());
      else setView('start');
    },
    [setProject, refreshProject],
  );
  useEffect(() => onEvent('menu:command', onMenu), [onMenu]);

  const onSettings = (s: Settings): void => {
    setSettings(s);
    // Switching annotator reopens the project for that annotator: refresh its summary.
    refreshProject();
  };

  // Without the app's info, settings and project there is nothing to show; later failures of the
  // same queries (a refresh) leave the screen in place and show a banner.
  const failed =
    fatal ??
    (info ? null : infoQuery.error) ??
    (settings ? null : settingsQuery.error) ??
    (view === null ? projectQuery.error : null);
  if (failed) return <ErrorBanner message={failed} />;
  if (!info || !settings || view === null) return <div className="loading">Loading…</div>;
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
      <ErrorBanner message={settingsQuery.error ?? projectQuery.error} />
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
              refreshSettings();
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
