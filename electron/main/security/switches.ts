// Command-line switches that would open a debugging door into a packaged build (RELIABILITY.md
// "Electron hardening"): the fuses disable Node's inspector; Chromium's remote debugging we refuse here.

const FORBIDDEN = ['--remote-debugging-port', '--remote-debugging-pipe', '--remote-allow-origins', '--inspect', '--inspect-brk', '--inspect-port', '--debug', '--debug-brk', '--js-flags', '--proxy-server', '--host-rules', '--host-resolver-rules'];

/** The forbidden switches present in argv (as `--name` or `--name=value`). */
export function forbiddenSwitches(argv: readonly string[]): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    const name = arg.split('=', 1)[0].toLowerCase();
    if (FORBIDDEN.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}
