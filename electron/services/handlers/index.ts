// Every channel of shared/api.ts joined in one place from the domain modules. The type check
// below fails to compile if a channel has no handler.
import type { Context } from '../context';
import { exportHandlers } from './export';
import { guidelinesHandlers } from './guidelines';
import { knownHandlers } from './known';
import { labelingHandlers } from './labeling';
import { predictionHandlers } from './predictions';
import { projectHandlers } from './project';
import { reviewHandlers } from './review';
import { rightsHandlers } from './rights';
import { rosterHandlers } from './roster';
import { scoreHandlers } from './score';
import { settingsHandlers } from './settings';
import { statsHandlers } from './stats';
import type { Handlers } from './types';

export type { Handlers } from './types';

export function createHandlers(ctx: Context): Handlers {
  return {
    ...projectHandlers(ctx),
    ...settingsHandlers(ctx),
    ...rosterHandlers(ctx),
    ...labelingHandlers(ctx),
    ...reviewHandlers(ctx),
    ...statsHandlers(ctx),
    ...exportHandlers(ctx),
    ...scoreHandlers(ctx),
    ...rightsHandlers(ctx),
    ...guidelinesHandlers(ctx),
    ...predictionHandlers(ctx),
    ...knownHandlers(ctx),
  } satisfies Handlers;
}
