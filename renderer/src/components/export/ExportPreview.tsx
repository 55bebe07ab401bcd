import type { ExportCounts } from '../../../../shared/export';

/** How many memes the export will write, and why the others are left out. */
export function ExportPreview({ preview }: { preview: ExportCounts }) {
  return (
    <p className="preview" data-testid="export-preview">
      <strong>{preview.exported.toLocaleString()}</strong> of {preview.items.toLocaleString()} memes will be
      written ({preview.hateful.toLocaleString()} hateful, {preview.notHateful.toLocaleString()} not hateful
      {preview.unresolvedIncluded ? `, ${preview.unresolvedIncluded} unresolved` : ''}). Left out:{' '}
      {preview.skipped.unresolved.toLocaleString()} unresolved, {preview.skipped.incomplete.toLocaleString()}{' '}
      incomplete, {preview.skipped.split.toLocaleString()} in other splits
      {preview.skipped.rights ? `, ${preview.skipped.rights} by data-rights filters` : ''}.
    </p>
  );
}
