import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, ApiEvents, ProjectSummary } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { api, onEvent } from './api';
import { ContentWarning } from './components/ContentWarning';
import { PreferencesDialog } from './components/PreferencesDialog';
import { LabelScreen } from './screens/LabelScreen';
import { StartScreen } from './screens/StartScreen';

type View = 'start' | 'label';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [project, setProject] = useState<ProjectSummary | null>(null);
  const [view, setView] = useState<View>('start');
  const [prefsOpen, setPrefsOpen] = useState(false);
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
    if (cmd.command === 'preferences') setPrefsOpen(true);
    else if (
      cmd.command === 'open-folder' ||
      cmd.command === 'import' ||
      cmd.command === 'open-recent' ||
      cmd.command === 'open-demo'
    )
      setView('start');
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
          <button
            type="button"
            className={view === 'label' ? 'on' : ''}
            disabled={!ready}
            onClick={() => setView('label')}
            data-testid="nav-label"
          >
            Label
          </button>
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
