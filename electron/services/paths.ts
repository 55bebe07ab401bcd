// Where things live in a project folder (DESIGN.md, "Project folder on disk").
import { join } from 'node:path';
import { isAnnotatorId } from '../../shared/records';

export const META_DIR = '.memejury';

export interface ProjectPaths {
  dir: string;
  meta: string;
  config: string;
  annotations: string;
  adjudications: string;
  governance: string;
  annotationFile(annotator: string): string;
}

export function projectPaths(dir: string): ProjectPaths {
  const meta = join(dir, META_DIR);
  const annotations = join(meta, 'annotations');
  return {
    dir,
    meta,
    config: join(meta, 'project.json'),
    annotations,
    adjudications: join(meta, 'adjudications.jsonl'),
    governance: join(meta, 'governance.jsonl'),
    annotationFile(annotator: string): string {
      if (!isAnnotatorId(annotator)) throw new Error(`invalid annotator id "${annotator}"`);
      return join(annotations, `${annotator}.jsonl`);
    },
  };
}
