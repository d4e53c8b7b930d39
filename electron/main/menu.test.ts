import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommandName } from '../../shared/ipc/channels';
import { buildMenuTemplate, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommandName[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const template = buildMenuTemplate({
    platform: 'linux',
    appName: 'License Prep',
    isDev: false,
    recentFiles: [],
    send: (c) => sent.push(c),
    openRecent: (p) => opened.push(p),
    clearRecent: () => cleared++,
    ...overrides,
  });
  return { template, sent, opened, cleared: () => cleared };
}

const sub = (item: MenuItemConstructorOptions) => (item.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label?.replace('&', '') === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...all(sub(i))]);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, with Exit in File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build({ platform });
      expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
      const file = sub(template[0]);
      expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'E&xit' });
      expect(byLabel(sub(template[1]), 'Redo').accelerator).toBe('Ctrl+Y');
    }
  });

  it('follows macOS conventions: the app-name menu with About and Quit, a Window menu, Shift+Cmd+Z to redo', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['License Prep', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const appMenu = sub(template[0]);
    expect(appMenu[0].label).toBe('About License Prep');
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(all(sub(template[1])).some((i) => i.role === 'quit')).toBe(false);
    expect(byLabel(sub(template[2]), 'Redo').accelerator).toBe('Shift+Cmd+Z');
  });

  it('sends the right command for every command item', () => {
    const { template, sent } = build();
    const expected: Array<[string, string, MenuCommandName, string | undefined]> = [
      ['File', 'Open…', 'open', 'CmdOrCtrl+O'],
      ['File', 'Validate Against Original…', 'openOriginal', 'CmdOrCtrl+Shift+O'],
      ['File', 'Save Upload-Ready File…', 'save', 'CmdOrCtrl+S'],
      ['File', 'Export Error Report…', 'exportReport', 'CmdOrCtrl+E'],
      ['File', 'Export Annotated Copy…', 'exportAnnotated', 'CmdOrCtrl+Shift+E'],
      ['File', 'Close', 'close', 'CmdOrCtrl+W'],
      ['Edit', 'Undo', 'undo', 'CmdOrCtrl+Z'],
      ['Edit', 'Find…', 'find', 'CmdOrCtrl+F'],
      ['Help', 'The Migration Rules', 'rules', 'F1'],
      ['Help', 'About License Prep', 'about', undefined],
    ];
    for (const [menu, label, command, accelerator] of expected) {
      const item = byLabel(sub(byLabel(template, menu)), label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toBe(command);
    }
  });

  it('keeps clipboard items as native roles so text fields work', () => {
    const edit = sub(build().template[1]);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => sub(build({ isDev }).template[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'togglefullscreen']));
  });

  it('lists recent files, opens one by its path, and clears them', () => {
    const { template, opened, cleared } = build({ recentFiles: [{ path: '/home/a/acme.csv', name: 'acme.csv' }] });
    const recent = sub(byLabel(sub(template[0]), 'Open Recent'));
    click(byLabel(recent, 'acme.csv'));
    expect(opened).toEqual(['/home/a/acme.csv']);
    click(byLabel(recent, 'Clear Recent'));
    expect(cleared()).toBe(1);
    const empty = sub(byLabel(sub(build().template[0]), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('gives no two items the same accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = all(build({ platform, isDev: true }).template)
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
