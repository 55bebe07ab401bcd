import type { AppInfo, ProjectSummary } from '../../../shared/api';
import { REPORT_FORMATS } from '../../../shared/report';
import { api } from '../api';
import { PathAction } from '../components/PathAction';
import { QueryState } from '../components/QueryState';
import { DashboardView } from '../components/stats/DashboardView';
import { GuidelineSplit } from '../components/stats/GuidelineSplit';
import { KnownAccuracy } from '../components/stats/KnownAccuracy';
import { useQuery } from '../data/useQuery';

type StatsScreenProps = { project: ProjectSummary; info: AppInfo };

/** The agreement dashboard, recomputed whenever labels or decisions change. */
export function StatsScreen({ project, info }: StatsScreenProps) {
  const dashboard = useQuery('stats:dashboard', {}, { refreshOn: ['project:changed'] });
  const known = useQuery('known:stats', undefined, {
    enabled: project.known > 0,
    refreshOn: ['project:changed'],
  });
  return (
    <QueryState query={dashboard} loading="Computing agreement…">
      {(d) => (
        <DashboardView
          d={d}
          footer={
            <>
              {known.data && <KnownAccuracy stats={known.data} />}
              <GuidelineSplit />
              <section className="card">
                <h2>Export the report</h2>
                <div className="button-row">
                  {REPORT_FORMATS.map((format) => (
                    <PathAction
                      key={format}
                      label={`Save ${format.toUpperCase()}`}
                      dialogs={info.dialogs}
                      defaultName={`${project.name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '')}-agreement`}
                      extension={`.${format}`}
                      testId={`report-${format}`}
                      choose={() => api().stats.chooseReportTarget({ format })}
                      run={(to) => api().stats.exportReport({ format, to })}
                    />
                  ))}
                </div>
              </section>
            </>
          }
        />
      )}
    </QueryState>
  );
}
