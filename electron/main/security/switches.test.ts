// Packaged builds refuse every switch not on the allowlist, in the window and the CLI (README "Security").
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, CLI_OPTIONS } from '../cliMode';
import { refusalMessage, refusedSwitches } from './switches';

const rules = (platform = 'linux') => ({ platform, cliOptions: CLI_OPTIONS, cliCommands: new Set(CLI_COMMANDS) });
const EXE = '/opt/License Prep/license-prep';

describe('refusedSwitches: the window', () => {
  it.each([
    [[EXE], []],
    [[EXE, '/home/a/export.csv'], []],
    [[EXE, '--ozone-platform-hint=auto', '--lang=fr-CA', '--force-device-scale-factor=1.5'], []],
    [[EXE, '--', '--inspect', '--gpu-launcher=/bin/sh'], []],
  ])('%o starts', (argv, expected) => {
    expect(refusedSwitches(argv, rules())).toEqual(expected);
  });

  it.each([
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--inspect=0',
    '--js-flags=--allow-natives-syntax',
    '--gpu-launcher=/tmp/evil.sh',
    '--renderer-cmd-prefix=/tmp/evil.sh',
    '--utility-cmd-prefix=/tmp/evil.sh',
    '--browser-subprocess-path=/tmp/evil',
    '--unsafely-treat-insecure-origin-as-secure=http://evil',
    '--user-data-dir=/tmp/other',
    '--log-file=/tmp/log',
    '--enable-logging',
    '--no-sandbox',
    '-no-sandbox',
    '--disable-web-security',
    '--proxy-server=evil:8080',
    '--ozone-platform=headless',
    '--force-device-scale-factor=100',
    '--lang=../../x',
    '--NO-SANDBOX',
    '--some-switch-chromium-adds-next-year',
  ])('refuses %s', (arg) => {
    expect(refusedSwitches([EXE, arg], rules())).toEqual([arg]);
  });

  it('reads /name switches on Windows only (a /path is a file elsewhere), and macOS -psn_ only on macOS', () => {
    expect(refusedSwitches(['C:\\LP\\lp.exe', '/remote-debugging-port=9222'], rules('win32'))).toEqual(['/remote-debugging-port=9222']);
    expect(refusedSwitches([EXE, '/home/a/x.csv'], rules('linux'))).toEqual([]);
    expect(refusedSwitches(['/Applications/License Prep.app/Contents/MacOS/License Prep', '-psn_0_12345'], rules('darwin'))).toEqual([]);
    expect(refusedSwitches([EXE, '-psn_0_12345'], rules('linux'))).toEqual(['-psn_0_12345']);
  });
});

describe('refusedSwitches: the CLI', () => {
  it('allows the CLI options after a command, and nothing else', () => {
    expect(refusedSwitches([EXE, 'clean', 'u.csv', '--plan', 'p.json', '--out=o.csv', '--format', 'json', '--me', 'a@b.c', '--report', 'r.csv', '--original', 'o.csv'], rules())).toEqual([]);
    expect(refusedSwitches([EXE, 'validate', '--help'], rules())).toEqual([]);
    expect(refusedSwitches([EXE, '--remote-debugging-port=9222', 'summary', 'u.csv', '--plan', 'p.json'], rules())).toEqual(['--remote-debugging-port=9222']);
    expect(refusedSwitches([EXE, 'summary', 'u.csv', '--plan', 'p.json', '--remote-debugging-port=9222'], rules())).toEqual(['--remote-debugging-port=9222']);
    expect(refusedSwitches([EXE, 'summary', 'u.csv', '--plan', 'p.json', '--gpu-launcher=x'], rules())).toEqual(['--gpu-launcher=x']);
  });

  it('a CLI option before the command (or with no command) is a window switch, so refused', () => {
    expect(refusedSwitches([EXE, '--plan', 'p.json', 'validate', 'u.csv'], rules())).toEqual(['--plan']);
    expect(refusedSwitches([EXE, 'u.csv', 'validate', '--out', 'o.csv'], rules())).toEqual(['--out']);
  });

  it('knows the commands and options the CLI documents', () => {
    expect(CLI_COMMANDS).toEqual(expect.arrayContaining(['validate', 'clean', 'summary', 'help']));
    for (const option of ['plan', 'original', 'me', 'report', 'out', 'format', 'help']) expect(CLI_OPTIONS.has(option)).toBe(true);
  });

  it('says what it refused in one line, never suggesting --no-sandbox', () => {
    const message = refusalMessage(['--gpu-launcher=/tmp/evil.sh', '--no-sandbox']);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('--gpu-launcher=/tmp/evil.sh, --no-sandbox');
  });
});
