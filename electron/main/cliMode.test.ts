import { describe, expect, it } from 'vitest';
import { cliArgsFrom, csvPathFromArgv } from './cliMode';

describe('cliArgsFrom (does this launch run the CLI?)', () => {
  it.each<[string, string[], boolean, string[] | null]>([
    ['packaged validate', ['/opt/lp/license-prep', 'validate', 'users.csv', '--plan', 'plan.json'], true, ['validate', 'users.csv', '--plan', 'plan.json']],
    ['packaged clean', ['C:\\LP\\License Prep.exe', 'clean', 'in.csv', '--plan', 'p.json', '--out', 'o.csv'], true, ['clean', 'in.csv', '--plan', 'p.json', '--out', 'o.csv']],
    ['packaged summary after Chromium flags', ['/opt/lp/license-prep', '--no-sandbox', '--enable-logging', 'summary', 'u.csv', '--plan', 'p.json'], true, ['summary', 'u.csv', '--plan', 'p.json']],
    ['packaged help', ['/opt/lp/license-prep', 'help'], true, ['help']],
    ['packaged plain launch', ['/opt/lp/license-prep'], true, null],
    ['packaged launch with a CSV (Open with)', ['/opt/lp/license-prep', '/home/a/acme.csv'], true, null],
    ['macOS Finder launch', ['/Applications/License Prep.app/Contents/MacOS/License Prep', '-psn_0_12345'], true, null],
    ['a file named like a command is still a command only in first place', ['/opt/lp/license-prep', 'acme.csv', 'validate'], true, null],
    ['unpackaged: electron . validate', ['/repo/node_modules/electron/dist/electron', '.', 'validate', 'u.csv', '--plan', 'p.json'], false, ['validate', 'u.csv', '--plan', 'p.json']],
    ['unpackaged: electron main.cjs', ['/repo/node_modules/electron/dist/electron', 'dist/electron/main/index.cjs'], false, null],
    ['unpackaged: Playwright flags', ['/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main/index.cjs'], false, null],
    ['unpackaged: the app path is not mistaken for a command', ['/electron', 'validate'], false, null],
    ['case matters', ['/opt/lp/license-prep', 'Validate', 'u.csv'], true, null],
  ])('%s', (_name, argv, isPackaged, expected) => {
    expect(cliArgsFrom(argv, isPackaged)).toEqual(expected);
  });
});

describe('csvPathFromArgv (a CSV given to a launch)', () => {
  it.each<[string, string[], boolean, string | null]>([
    ['absolute', ['/opt/lp/license-prep', '/home/a/acme.csv'], true, '/home/a/acme.csv'],
    ['relative to the launch folder', ['/opt/lp/license-prep', 'acme.CSV'], true, '/work/dir/acme.CSV'],
    ['flags ignored', ['/opt/lp/license-prep', '--no-sandbox', 'x.tsv', '--flag'], true, '/work/dir/x.tsv'],
    ['no file', ['/opt/lp/license-prep', '--no-sandbox'], true, null],
    ['not a CSV', ['/opt/lp/license-prep', '/home/a/evil.exe'], true, null],
    ['unpackaged skips the app path', ['/electron', 'dist/electron/main/index.cjs', 'u.csv'], false, '/work/dir/u.csv'],
  ])('%s', (_name, argv, isPackaged, expected) => {
    expect(csvPathFromArgv(argv, isPackaged, '/work/dir')).toBe(expected);
  });
});
