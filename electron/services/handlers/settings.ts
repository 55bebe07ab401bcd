// The user's own settings: preferences and annotator profiles. Choosing a profile reopens the
// open project for that annotator (its file, its lock).
import { type Context } from '../context';
import { openProject } from './project';
import type { DomainHandlers } from './types';

type SettingsChannels = 'settings:get' | 'settings:setPreferences' | 'annotator:create' | 'annotator:select';

export function settingsHandlers(ctx: Context): DomainHandlers<SettingsChannels> {
  const reopen = async (): Promise<void> => {
    const p = ctx.session.project;
    if (p) await openProject(ctx, p.paths.dir);
  };
  return {
    'settings:get': async () => ctx.settings.get(),
    'settings:setPreferences': async (patch) => ctx.settings.setPreferences(patch),
    'annotator:create': async ({ id, name }) => {
      const s = await ctx.settings.addAnnotator(id, name ?? '');
      await reopen();
      return s;
    },
    'annotator:select': async ({ id }) => {
      const s = await ctx.settings.selectAnnotator(id);
      await reopen();
      return s;
    },
  };
}
