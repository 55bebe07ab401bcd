// The application menu. Choices are sent to the renderer as 'menu:command' events, which it
// handles like its own buttons (dialogs, screens, project switching), so the menu and the UI can
// never do different things and the menu needs no logic of its own.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ApiEvents } from '../../shared/api';
import type { RecentProject } from '../../shared/settings';

type Command = ApiEvents['menu:command'];

export interface MenuOptions {
  recent: readonly RecentProject[];
  /** Reload and developer tools only in development builds. */
  packaged: boolean;
  isMac: boolean;
  send(command: Command): void;
}

/** On Windows and Linux "&" marks a keyboard mnemonic; folder names must show it literally. */
const literal = (s: string): string => s.replace(/&/g, '&&');

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const send = (cmd: Command) => () => o.send(cmd);
  const recent: MenuItemConstructorOptions[] = o.recent.map((r) => ({
    label: literal(`${r.name} — ${r.dir}`),
    click: send({ command: 'open-recent', dir: r.dir }),
  }));
  const devItems: MenuItemConstructorOptions[] = o.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(o.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: send({ command: 'open-folder' }) },
        {
          label: 'Open Recent',
          submenu: recent.length ? recent : [{ label: 'No recent projects', enabled: false }],
        },
        { label: 'Open Demo Project', click: send({ command: 'open-demo' }) },
        { type: 'separator' },
        { label: 'Import FGHM file…', accelerator: 'CmdOrCtrl+I', click: send({ command: 'import' }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send({ command: 'export' }) },
        { type: 'separator' },
        { label: 'Preferences…', accelerator: 'CmdOrCtrl+,', click: send({ command: 'preferences' }) },
        { type: 'separator' },
        // macOS quits from the app menu (Cmd+Q); File ends with Close Window there.
        o.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // Standard roles: cut/copy/paste/select-all work in notes and text fields on every platform
    // (on macOS they only work at all when the menu provides them).
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(o.isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      role: 'help',
      label: '&Help',
      // No accelerator: "?" is a hotkey of the page itself, handled there. About is in the app
      // menu on macOS (role appMenu) and here elsewhere: name, version, licence and where the log
      // file is, from app.setAboutPanelOptions in index.ts.
      submenu: [
        { label: 'Keyboard Shortcuts', click: send({ command: 'help' }) },
        ...(o.isMac
          ? []
          : [{ type: 'separator' as const }, { role: 'about' as const, label: 'About Meme Jury' }]),
      ],
    },
  ];
}

export function installMenu(o: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(o)));
}
