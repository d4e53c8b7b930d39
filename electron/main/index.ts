// Entry of the Electron main process (bundled to dist/electron/main/index.cjs). A packaged build first
// refuses any switch not on its allowlist (security/switches.ts), then runs the CLI when argv asks for
// one (no window, no single-instance lock), the app otherwise.
import { app } from 'electron';
import { startApp } from './app';
import { runCliMode } from './cliDispatch';
import { CLI_COMMANDS, CLI_OPTIONS, cliArgsFrom } from './cliMode';
import { refusalMessage, refusedSwitches } from './security/switches';
import { exitQuietlyOnBrokenPipe } from '../cli/nodeIo';

const refused = app.isPackaged ? refusedSwitches(process.argv, { platform: process.platform, cliOptions: CLI_OPTIONS, cliCommands: new Set(CLI_COMMANDS) }) : [];
const cliArgs = cliArgsFrom(process.argv, app.isPackaged);
if (refused.length > 0) {
  process.stderr.write(`${refusalMessage(refused)}\n`);
  app.exit(cliArgs !== null ? 2 : 1);
} else if (cliArgs !== null) {
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
