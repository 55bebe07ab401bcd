import type { AuditSummary } from '../../../../shared/api';
import { plural } from '../../../../shared/text';

/**
 * What the audit found: every trace of a forgotten item, image or annotator, by file and line; and
 * what it cannot check (a version history holding old copies, a manifest that no longer matches).
 */
export function AuditResult({ audit }: { audit: AuditSummary }) {
  return (
    <div data-testid="audit-result" data-findings={audit.findings.length}>
      <p className={audit.findings.length ? 'banner error' : 'banner ok'}>
        {audit.tombstones === 0
          ? 'Nothing has been forgotten in this project: there is nothing to look for.'
          : `${plural(audit.tombstones, 'tombstone')}; ${plural(audit.filesScanned, 'file')} and ${plural(audit.imagesHashed, 'image')} checked; ${plural(audit.findings.length, 'finding')}.`}
      </p>
      <ul>
        {audit.findings.map((f, i) => (
          <li key={i}>
            {f.file}
            {f.line ? `:${f.line}` : ''}: {f.what}
          </li>
        ))}
      </ul>
      {audit.warnings.length > 0 && (
        <ul data-testid="audit-warnings">
          {audit.warnings.map((w, i) => (
            <li key={i} className="banner">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
