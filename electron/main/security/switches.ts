// Packaged builds accept only the command-line switches on an allowlist (README "Security"), in the
// window and the CLI alike: Chromium and Electron read dozens of switches that open a debugging port, run
// a program (--gpu-launcher, --renderer-cmd-prefix, --browser-subprocess-path…), relax security
// (--no-sandbox, --unsafely-treat-insecure-origin-as-secure) or move data (--user-data-dir, --log-file).
// A denylist misses the next one; an allowlist does not. Pure, so the decision is unit-tested.

/** A switch as Chromium reads it: `--name`, `-name` and, on Windows, `/name`, each with or without `=value`. */
function parseSwitch(arg: string, platform: string): { name: string; value: string | null } | null {
  const match = (platform === 'win32' ? /^(?:--?|\/)([^=\s]+)(?:=(.*))?$/s : /^--?([^=\s]+)(?:=(.*))?$/s).exec(arg);
  if (match === null) return null;
  return { name: match[1].toLowerCase(), value: match[2] ?? null };
}

/**
 * Switches a packaged window may be started with: display choices that change no security property.
 * Each value is checked too (an allowed switch with a hostile value is still refused).
 */
const WINDOW_SWITCHES: Readonly<Record<string, (value: string | null) => boolean>> = {
  // Wayland or X11 on Linux desktops.
  'ozone-platform-hint': (v) => v === 'auto' || v === 'wayland' || v === 'x11',
  'ozone-platform': (v) => v === 'wayland' || v === 'x11',
  // HiDPI screens the desktop misreports.
  'force-device-scale-factor': (v) => v !== null && /^\d(\.\d{1,2})?$/.test(v) && Number(v) >= 0.5 && Number(v) <= 4,
  // The interface language.
  lang: (v) => v !== null && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(v),
};

export interface SwitchRules {
  readonly platform: string;
  /** The CLI's own options (`plan`, `out`…), allowed after a CLI command only. */
  readonly cliOptions: ReadonlySet<string>;
  /** The CLI's commands: the first plain argument naming one starts CLI mode. */
  readonly cliCommands: ReadonlySet<string>;
}

/**
 * The switches a packaged app must refuse, as written (empty when it may start). `argv` is the whole
 * process argv (argv[0] is the executable). Nothing after `--` is a switch. Before a CLI command only the
 * window allowlist applies; after it, only the CLI's own options.
 */
export function refusedSwitches(argv: readonly string[], rules: SwitchRules): string[] {
  const refused: string[] = [];
  let cliMode = false;
  let seenPlain = false;
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const sw = parseSwitch(arg, rules.platform);
    if (sw === null) {
      // As cliArgsFrom decides: only the first plain argument can be the command.
      if (!seenPlain && rules.cliCommands.has(arg)) cliMode = true;
      seenPlain = true;
      continue;
    }
    if (rules.platform === 'darwin' && /^-psn_\d+_\d+$/.test(arg)) continue; // Finder's process serial number
    const allowed = cliMode ? rules.cliOptions.has(sw.name) : (WINDOW_SWITCHES[sw.name]?.(sw.value) ?? false);
    if (!allowed && !refused.includes(arg)) refused.push(arg);
  }
  return refused;
}

/** One line for stderr: what was refused and why, never a fallback. */
export function refusalMessage(refused: readonly string[]): string {
  const shown = refused.slice(0, 5).map((a) => (a.length > 120 ? `${a.slice(0, 117)}...` : a));
  return `License Prep refuses to start with ${shown.join(', ')}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}: the installed app accepts only its own options (see license-prep --help).`;
}
