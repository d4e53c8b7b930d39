// Entry of the Electron main process (bundled to dist/electron/main/index.cjs): a CLI run when argv asks
// for one (no window, no single-instance lock), the app otherwise.
import { app } from 'electron';
import { startApp } from './app';
import { runCliMode } from './cliDispatch';
import { cliArgsFrom } from './cliMode';
import { exitQuietlyOnBrokenPipe } from '../cli/nodeIo';

const cliArgs = cliArgsFrom(process.argv, app.isPackaged);
if (cliArgs !== null) {
  app.dock?.hide();
  // A broken pipe must end the run quietly, not raise Electron's main-process error dialog.
  exitQuietlyOnBrokenPipe((code) => app.exit(code));
  void runCliMode(cliArgs).then((code) => {
    // Let piped output drain before the process ends.
    process.stdout.write('', () => process.stderr.write('', () => app.exit(code)));
  });
} else {
  startApp();
}
