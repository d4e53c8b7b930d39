// The packaged app answers the CLI (docs/formats.md "The CLI"): decide from argv whether this launch
// is a CLI run, and find a CSV path a launch was given ("Open with", a second instance). Pure.
import { isAbsolute, resolve } from 'node:path';
import { USAGE } from '../cli/args';

/** The CLI's commands and options, as its usage text documents them (so a new one needs no change here). */
export const CLI_COMMANDS: readonly string[] = [...new Set([...USAGE.matchAll(/^\s*license-prep\s+([a-z]+)/gm)].map((m) => m[1])), 'help'];
export const CLI_OPTIONS: ReadonlySet<string> = new Set([...[...USAGE.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]), 'help', 'h']);

/**
 * The CLI arguments (`validate FILE --plan …`) when the first non-flag argument after the executable
 * (and, unpackaged, after the app path) is a CLI command; otherwise null and the window opens.
 * Flags before it are Electron/Chromium/OS switches (e.g. `--no-sandbox`, macOS `-psn_…`) and dropped.
 */
export function cliArgsFrom(argv: readonly string[], isPackaged: boolean): string[] | null {
  const rest = argv.slice(isPackaged ? 1 : 2);
  const first = rest.findIndex((arg) => !arg.startsWith('-'));
  if (first < 0) return null;
  if (!CLI_COMMANDS.includes(rest[first])) return null;
  return rest.slice(first);
}

const OPENABLE = /\.(csv|tsv|txt)$/i;

/** The CSV a launch asked to open (file manager "Open with", or a second instance), resolved against its cwd. */
export function csvPathFromArgv(argv: readonly string[], isPackaged: boolean, workingDirectory: string): string | null {
  const rest = argv.slice(isPackaged ? 1 : 2);
  for (let i = rest.length - 1; i >= 0; i--) {
    const arg = rest[i];
    if (arg.startsWith('-') || !OPENABLE.test(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}
