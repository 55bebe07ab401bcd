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
import { KEYMAP, REVIEW_DESCRIPTIONS, SCREEN_ACTIONS, useActions, useClicksKeepFocus } from './hotkeys';
import type { ItemId } from '../../shared/records';
import { BrowseScreen } from './screens/BrowseScreen';
import { byTestId, focusAfterward } from './focus';
import { GuideDialog } from './components/guide/GuideDialog';
import { GuidelinesScreen } from './screens/GuidelinesScreen';
import { MyFiguresScreen } from './screens/MyFiguresScreen';
import { useWellbeing } from './labeling/useWellbeing';

type View =
  'start' | 'label' | 'mine' | 'review' | 'browse' | 'stats' | 'export' | 'score' | 'rights' | 'guidelines';

/** The screens of each role: annotators label blind; the team's data is the lead's. */
const VIEWS: { view: Exclude<View, 'start'>; title: string; lead: boolean; nav?: false }[] = [
  { view: 'label', title: 'Label', lead: false },
  { view: 'mine', title: 'My figures', lead: false },
  { view: 'review', title: 'Review', lead: true },
  { view: 'browse', title: 'Browse', lead: true },
  { view: 'stats', title: 'Agreement', lead: true },
  { view: 'export', title: 'Export', lead: true },
  { view: 'score', title: 'Score', lead: true },
  { view: 'rights', title: 'Data rights', lead: true },
  // Reached from the guide (I, or Guide in the header): "Edit the guidelines".
  { view: 'guidelines', title: 'Guidelines', lead: true, nav: false },
];

const helpActions = (view: View) =>
  view === 'label' ? SCREEN_ACTIONS.label : view === 'review' ? SCREEN_ACTIONS.review : SCREEN_ACTIONS.other;

export function App() {
  const infoQuery = useQuery('app:info', undefined);
  const settingsQuery = useQuery('settings:get', undefined);
  // A lead's changes (roles, rules) and synced labels arrive as events: the summary follows them.
  const projectQuery = useQuery('project:current', undefined, { refreshOn: ['project:changed'] });
  const info = infoQuery.data;
  const settings = settingsQuery.data;
  const project = projectQuery.data;
  const { setData: setSettings, refresh: refreshSettings } = settingsQuery;
  const { setData: setProject, refresh: refreshProject } = projectQuery;
  // null until the first answers arrive: then labeling if a project and an annotator are set.
  const [view, setView] = useState<View | null>(null);
  const [prefsOpen, setPrefsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [warned, setWarned] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);
  useClicksKeepFocus();
  // A meme the lead opened from Browse: Review shows it first.
  const [reviewOpen, setReviewOpen] = useState<ItemId | null>(null);
  // Breaks and the session cap belong to the annotator's session, not to one visit of the label
  // screen: held here, they go on counting across screens.
  const wb = useWellbeing(
    settings?.preferences ?? { breakMinutes: 0, sessionCap: 0 },
    `${project?.dir ?? ''}:${settings?.currentAnnotator ?? ''}`,
  );

  // Esc on a focused button or menu (outside dialogs) gives the focus back to the page, where the
  // screen's keys work again: the keyboard way back from Tab.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || document.querySelector('[role="dialog"]')) return;
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body) el.blur();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
  // A profile whose labels were forgotten labels no more here (its saves are refused too).
  const ready = project && settings.currentAnnotator && !project.annotatorForgotten;
  const isLead = project?.role === 'lead';
  const views = VIEWS.filter((v) => (!v.lead || isLead) && v.nav !== false);
  // A lead screen left open when the role changed shows the project screen instead.
  const shown: View = !ready || (VIEWS.find((v) => v.view === view)?.lead && !isLead) ? 'start' : view;
  const showWarning = shown === 'label' && settings.preferences.contentWarning && !warned;
  const canEditGuide = isLead && shown !== 'guidelines';

  return (
    <div className="app">
      <header className={`app-header${views.length > 3 ? ' crowded' : ''}`}>
        <h1 className="brand">
          Meme Jury
          <span className="sr-only">
            : {shown === 'start' ? 'Project' : VIEWS.find((v) => v.view === shown)?.title}
          </span>
        </h1>
        {project && (
          <span className="project-name" data-testid="project-name">
            {project.name}
          </span>
        )}
        <nav>
          <button
            type="button"
            className={shown === 'start' ? 'on' : ''}
            onClick={() => setView('start')}
            data-testid="nav-start"
          >
            Project
          </button>
          {views.map((v) => (
            <button
              key={v.view}
              type="button"
              className={shown === v.view ? 'on' : ''}
              aria-current={shown === v.view ? 'page' : undefined}
              disabled={!ready}
              onClick={() => setView(v.view)}
              data-testid={`nav-${v.view}`}
            >
              {v.title}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        {ready && (
          <button
            type="button"
            className={`ghost guide-button${shown === 'guidelines' ? ' on' : ''}`}
            aria-current={shown === 'guidelines' ? 'page' : undefined}
            onClick={() => setGuideOpen(true)}
            data-testid="open-guide"
          >
            <kbd>{KEYMAP.guide.show}</kbd> Guide
          </button>
        )}
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
      {project?.annotatorForgotten && (
        <ErrorBanner
          testId="annotator-forgotten"
          message={`The labels of ${settings.currentAnnotator ?? 'this profile'} were forgotten in this project at someone's request: this profile can no longer label here.`}
        />
      )}
      {notice && (
        <div className="banner" role="status" data-testid="notice">
          {notice}{' '}
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main>
        {shown === 'start' || !ready ? (
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
        ) : shown === 'review' ? (
          <ReviewScreen
            key={`${project.dir}:${String(reviewOpen)}`}
            project={project}
            prefs={settings.preferences}
            onProject={setProject}
            openId={reviewOpen}
          />
        ) : shown === 'browse' ? (
          <BrowseScreen
            prefs={settings.preferences}
            onOpen={(id) => {
              setReviewOpen(id);
              setView('review');
            }}
          />
        ) : shown === 'mine' ? (
          <MyFiguresScreen />
        ) : shown === 'stats' ? (
          <StatsScreen key={project.dir} project={project} info={info} />
        ) : shown === 'export' ? (
          <ExportScreen key={project.dir} project={project} info={info} />
        ) : shown === 'rights' ? (
          <RightsScreen key={project.dir} project={project} info={info} onProject={setProject} />
        ) : shown === 'score' ? (
          <ScoreScreen info={info} />
        ) : shown === 'guidelines' ? (
          <GuidelinesScreen key={project.dir} project={project} onProject={setProject} />
        ) : showWarning ? (
          <ContentWarning onContinue={() => setWarned(true)} />
        ) : (
          <LabelScreen
            key={`${project.dir}:${settings.currentAnnotator}`}
            project={project}
            prefs={settings.preferences}
            wb={wb}
          />
        )}
      </main>
      <GuideKey enabled={!!ready && !guideOpen} onGuide={() => setGuideOpen(true)} />
      {guideOpen && (
        <GuideDialog
          onClose={() => setGuideOpen(false)}
          onEdit={
            canEditGuide
              ? () => {
                  // The editor is what was asked for: the focus goes to its text, not the page.
                  const refocus = focusAfterward();
                  setGuideOpen(false);
                  setView('guidelines');
                  refocus(() => byTestId('guide-source'));
                }
              : undefined
          }
        />
      )}
      {helpOpen && (
        <HelpOverlay
          onClose={() => setHelpOpen(false)}
          actions={helpActions(shown)}
          descriptions={shown === 'review' ? REVIEW_DESCRIPTIONS : undefined}
        />
      )}
      {prefsOpen && (
        <PreferencesDialog
          prefs={settings.preferences}
          lead={isLead}
          onSaved={setSettings}
          onClose={() => setPrefsOpen(false)}
        />
      )}
    </div>
  );
}

/** The guidelines key (`I`), on every screen of an open project: the whole guide in a dialog. */
function GuideKey({ enabled, onGuide }: { enabled: boolean; onGuide: () => void }) {
  useActions(['guide'], { guide: onGuide }, enabled);
  return null;
}
