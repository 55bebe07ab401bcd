import type { ExportCounts } from '../../../../shared/export';
import { plural } from '../../../../shared/text';

/** How many memes the export will write, and why the others are left out. */
export function ExportPreview({ preview }: { preview: ExportCounts }) {
  return (
    <p className="preview" data-testid="export-preview">
      <strong>{preview.exported.toLocaleString()}</strong> of {plural(preview.items, 'meme')} will be written
      ({preview.hateful.toLocaleString()} hateful, {preview.notHateful.toLocaleString()} not hateful
      {preview.unresolvedIncluded ? `, ${preview.unresolvedIncluded.toLocaleString()} unresolved` : ''}). Left
      out: {preview.skipped.unresolved.toLocaleString()} unresolved,{' '}
      {preview.skipped.incomplete.toLocaleString()} incomplete, {preview.skipped.split.toLocaleString()} in
      other splits
      {preview.skipped.rights ? `, ${preview.skipped.rights.toLocaleString()} by data-rights filters` : ''}.
    </p>
  );
}
