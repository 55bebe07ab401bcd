// The application menu. Choices are sent to the renderer as 'menu:command' events, which it
// handles like its own buttons, so menu and UI never diverge.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { ApiEvents } from '../../shared/api';
import type { Backend } from '../services/backend';

type Command = ApiEvents['menu:command'];

export function buildMenu(backend: Backend): void {
  const send = (cmd: Command) => () => backend.emit('menu:command', cmd);
  const recent: MenuItemConstructorOptions[] = backend.settings.get().recentProjects.map((r) => ({
    label: `${r.name} — ${r.dir}`,
    click: send({ command: 'open-recent', dir: r.dir }),
  }));
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
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
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged
          ? []
          : ([
              { role: 'reload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] as MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts (?)', click: send({ command: 'help' }) }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
