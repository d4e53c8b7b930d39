// Command-line switches that would open a debugging door into a packaged build (RELIABILITY.md
// "Electron hardening"): the fuses disable Node's inspector; Chromium's remote debugging we refuse here.

const FORBIDDEN = [
  '--remote-debugging-port', '--remote-debugging-pipe', '--remote-allow-origins', '--inspect', '--inspect-brk', '--inspect-port',
  '--debug', '--debug-brk', '--js-flags', '--proxy-server', '--proxy-pac-url', '--host-rules', '--host-resolver-rules',
  '--no-sandbox', '--disable-web-security', '--disable-site-isolation-trials', '--ignore-certificate-errors',
];

/**
 * The forbidden switches present in argv, however written: Chromium also reads `-name` and, on
 * Windows, `/name`, with or without `=value`. Reported in their `--name` form.
 */
export function forbiddenSwitches(argv: readonly string[], platform: string = process.platform): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    const match = (platform === 'win32' ? /^(?:--?|\/)([a-z0-9-]+)(?:=|$)/i : /^--?([a-z0-9-]+)(?:=|$)/i).exec(arg);
    if (!match) continue;
    const name = `--${match[1].toLowerCase()}`;
    if (FORBIDDEN.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}
