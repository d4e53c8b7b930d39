// The native menus (docs/architecture.md "The main process"): a pure template builder, platform conventions
// included — the app-name menu and Cmd shortcuts on macOS, Exit in File and Ctrl shortcuts elsewhere.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandName } from '../../shared/ipc/channels';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Reload and developer tools appear only in unpackaged (development) runs. */
  readonly isDev: boolean;
  readonly recentFiles: ReadonlyArray<{ readonly path: string; readonly name: string }>;
  readonly send: (command: MenuCommandName) => void;
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommandName, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id: `command:${name}`,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => options.send(name),
  });

  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : [
          ...options.recentFiles.map((f, i): MenuItemConstructorOptions => ({
            label: f.name,
            id: `recent:${i}`,
            toolTip: f.path,
            click: () => options.openRecent(f.path),
          })),
          { type: 'separator' },
          { label: 'Clear Recent', id: 'recent:clear', click: () => options.clearRecent() },
        ];

  const about = command(`About ${options.appName}`, 'about');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', id: 'recent', submenu: recent },
      command('Validate Against Original…', 'openOriginal', 'CmdOrCtrl+Shift+O'),
      { type: 'separator' },
      command('Save Upload-Ready File…', 'save', 'CmdOrCtrl+S'),
      command('Export Error Report…', 'exportReport', 'CmdOrCtrl+E'),
      command('Export Annotated Copy…', 'exportAnnotated', 'CmdOrCtrl+Shift+E'),
      { type: 'separator' },
      command('Close', 'close', 'CmdOrCtrl+W'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'E&xit', accelerator: 'Alt+F4' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...(options.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [command('The Migration Rules', 'rules', 'F1'), ...(mac ? [] : ([{ type: 'separator' }, about] as MenuItemConstructorOptions[]))],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
