// Files main opens by itself (Open Recent, a second launch, macOS open-file) reach the renderer through
// their own event, onOpenFile — never disguised as a menu command. A file that cannot be opened is
// explained in a dialog, and dropped from Recent Files when it is gone.
import type { MainWindow } from './window';
import { FileProblem, type FileService } from './files/fileService';

export interface OpenedFilesDeps {
  readonly files: Pick<FileService, 'openPath'>;
  readonly window: Pick<MainWindow, 'send'>;
  /** The path is gone (or unreadable): forget it in Recent Files. */
  readonly forget: (path: string) => void;
  readonly exists: (path: string) => Promise<boolean>;
  readonly showError: (detail: string) => void;
}

export class OpenedFiles {
  constructor(private readonly deps: OpenedFilesDeps) {}

  open(path: string): Promise<void> {
    return this.deps.files.openPath(path, 'export').then(
      (opened) => this.deps.window.send('onOpenFile', { name: opened.name, bytes: opened.bytes, handle: opened.handle }),
      async (e: unknown) => {
        const message = e instanceof FileProblem ? e.message : `The file could not be opened: ${e instanceof Error ? e.message : String(e)}`;
        if (!(await this.deps.exists(path))) this.deps.forget(path);
        this.deps.showError(message);
      },
    );
  }
}
