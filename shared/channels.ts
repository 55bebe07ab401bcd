// Channel and event names of the contract, without its schemas: the preload imports only this,
// so the sandboxed preload stays small and free of npm modules. shared/api.ts checks at compile
// time that this list and the contract agree.
export const CHANNEL_NAMES = [
  'app:info',
  'settings:get',
  'settings:setPreferences',
  'annotator:create',
  'annotator:select',
  'annotator:figures',
  'project:current',
  'project:open',
  'project:openDemo',
  'project:chooseFolder',
  'project:import',
  'queue:list',
  'item:get',
  'annotation:save',
  'annotation:undo',
  'progress:get',
  'lead:set',
  'roster:list',
  'roster:setRole',
  'project:setRules',
  'predictions:attach',
  'predictions:detach',
  'predictions:score',
  'known:set',
  'known:unset',
  'known:import',
  'known:stats',
  'item:search',
  'review:list',
  'review:item',
  'review:close',
  'adjudication:save',
  'adjudication:undo',
  'stats:dashboard',
  'stats:chooseReportTarget',
  'stats:exportReport',
  'export:preview',
  'export:chooseTarget',
  'export:run',
  'score:run',
  'rights:summary',
  'rights:item',
  'rights:setProvenance',
  'rights:importProvenance',
  'rights:forget',
  'rights:forgetAnnotator',
  'rights:audit',
  'guidelines:get',
  'guidelines:save',
  'guidelines:versions',
  'guidelines:version',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['project:changed', 'task:progress', 'menu:command'] as const;

/** Builds `{ domain: { verb: fn } }` from any transport (ipcRenderer.invoke, fetch). */
export function buildApiObject(
  invoke: (channel: ChannelName, args: unknown) => Promise<unknown>,
): Record<string, Record<string, (args?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const ch of CHANNEL_NAMES) {
    const [domain, verb] = ch.split(':');
    api[domain] ??= {};
    api[domain][verb] = (args?: unknown) => invoke(ch, args);
  }
  return api;
}
