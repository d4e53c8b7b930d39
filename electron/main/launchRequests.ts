// Files the app is asked to open before it can open them (a CSV in argv, a second launch, macOS
// open-file — which can fire before ready): kept in order, then handed to the opener once it exists.
// No Electron import: the app object is passed in.
import { csvPathFromArgv } from './cliMode';

export interface LaunchSource {
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

export class LaunchRequests {
  private readonly waiting: string[] = [];
  private open: ((path: string) => void) | null = null;

  constructor(private readonly isPackaged: boolean) {}

  /** Listen from the very start (before ready), and take a CSV this launch itself was given. */
  listen(app: LaunchSource, argv: readonly string[], cwd: string): void {
    app.on('second-instance', (_event, secondArgv, workingDirectory) => this.request(csvPathFromArgv(secondArgv, this.isPackaged, workingDirectory)));
    // macOS: Finder "Open With", the Dock, and the Recent Documents menu.
    app.on('open-file', (event, path) => {
      event.preventDefault();
      this.request(path);
    });
    this.request(csvPathFromArgv(argv, this.isPackaged, cwd));
  }

  request(path: string | null): void {
    if (path === null) return;
    if (this.open === null) this.waiting.push(path);
    else this.open(path);
  }

  /** Called once the shell is up: every waiting path now, later ones as they come. */
  deliverTo(open: (path: string) => void): void {
    if (this.open !== null) throw new Error('launch requests are already delivered');
    this.open = open;
    for (const path of this.waiting.splice(0)) open(path);
  }
}
