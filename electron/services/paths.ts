// Where things live in a project folder (DESIGN.md, "Project folder on disk"), and the one rule
// for naming an annotator's files.
import { join, relative, sep } from 'node:path';
import { isAnnotatorId } from '../../shared/ids';

export const META_DIR = '.memejury';
const LOG_SUFFIX = '.jsonl';

export interface ProjectPaths {
  dir: string;
  meta: string;
  config: string;
  annotations: string;
  adjudications: string;
  governance: string;
  /** Known-answer items, written by a lead. */
  known: string;
  /** Predictions attached to the project (FGHM submission format), written by a lead. */
  predictions: string;
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
    known: join(meta, 'known.jsonl'),
    predictions: join(meta, 'predictions.jsonl'),
    annotationFile(annotator: string): string {
      if (!isAnnotatorId(annotator)) throw new Error(`invalid annotator id "${annotator}"`);
      return join(annotations, `${annotator}${LOG_SUFFIX}`);
    },
  };
}

/**
 * The annotator whose file this is, from a name in `annotations/`: "<id>.jsonl", or with
 * `aside` also its kept-aside torn lines "<id>.jsonl.corrupt". null for anything else.
 */
export function annotatorOfFileName(name: string, aside = false): string | null {
  const stem = name.endsWith(LOG_SUFFIX)
    ? name.slice(0, -LOG_SUFFIX.length)
    : aside && name.endsWith(`${LOG_SUFFIX}.corrupt`)
      ? name.slice(0, -`${LOG_SUFFIX}.corrupt`.length)
      : null;
  return stem !== null && isAnnotatorId(stem) ? stem : null;
}

/**
 * The lock that guards a project file's single writer: the annotator's own lock for
 * `annotations/<id>.jsonl`, the lead's for adjudications and governance, none otherwise.
 */
export function writerLockOf(
  paths: ProjectPaths,
  file: string,
): { lock: string; annotator: string | null } | null {
  const rel = relative(paths.meta, file).split(sep).join('/');
  if (LEAD_FILES.includes(rel)) return { lock: LEAD_LOCK, annotator: null };
  const m = /^annotations\/([^/]+)$/.exec(rel);
  const annotator = m ? annotatorOfFileName(m[1]) : null;
  return annotator ? { lock: annotator, annotator } : null;
}

/** Files only a lead writes (under .memejury/). */
const LEAD_FILES = ['adjudications.jsonl', 'governance.jsonl', 'known.jsonl', 'predictions.jsonl'];

/** The lead's lock name: annotator ids never start with "_", so it cannot collide with one. */
export const LEAD_LOCK = '_lead';
