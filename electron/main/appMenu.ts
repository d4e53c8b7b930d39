// The application menu (docs/architecture.md "The main process"): built from menu.ts's pure template, rebuilt when Recent Files
// changes. Commands go to the renderer as onMenuCommand events; Open Recent opens through OpenedFiles.
import { Menu } from 'electron';
import type { MenuCommandName } from '../../shared/ipc/channels';
import type { RecentFiles } from './files/recentFiles';
import { buildMenuTemplate } from './menu';

export interface AppMenuDeps {
  readonly appName: string;
  readonly isDev: boolean;
  readonly recent: Pick<RecentFiles, 'list' | 'clear' | 'subscribe'>;
  readonly sendCommand: (command: MenuCommandName) => void;
  readonly openRecent: (path: string) => void;
  readonly clearRecentDocuments: () => void;
}

export class AppMenu {
  constructor(private readonly deps: AppMenuDeps) {}

  /** Show the menu now and keep it in step with Recent Files. */
  install(): void {
    this.rebuild();
    this.deps.recent.subscribe(() => this.rebuild());
  }

  private rebuild(): void {
    const { deps } = this;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: deps.appName,
          isDev: deps.isDev,
          recentFiles: deps.recent.list(),
          send: deps.sendCommand,
          openRecent: deps.openRecent,
          clearRecent: () => {
            void deps.recent.clear();
            deps.clearRecentDocuments();
          },
        }),
      ),
    );
  }
}
