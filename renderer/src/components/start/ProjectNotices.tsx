import type { ProjectSummary } from '../../../../shared/api';

type ProjectNoticesProps = { project: ProjectSummary };

/**
 * What opening the project found that someone should know: item lists that are not item lists,
 * ids defined twice, two images for one id, bad lines (file:line), missing images. The same
 * notices `memejury` prints on stderr.
 */
export function ProjectNotices({ project }: ProjectNoticesProps) {
  const notices = [...project.warnings, ...project.problems];
  if (notices.length === 0 && project.missingImages === 0) return null;
  return (
    <details className="notices" open data-testid="project-notices">
      <summary>
        {notices.length} notice{notices.length === 1 ? '' : 's'} about this project
        {project.missingImages > 0 ? `, ${project.missingImages} image files missing` : ''}
      </summary>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </details>
  );
}
