// The packaged app's CLI mode runs the same runCli as the npm bin, on the same io.
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/run';
import { runCliMode } from './cliDispatch';

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]);
    },
    writeFile: async () => undefined,
  };
  return { io, out, err };
}

const PLAN = JSON.stringify({ licenses: [{ name: 'Engage', seats: 5, addOnsAllowed: true }], addOns: [{ name: 'Meet', seats: 5 }] });
const CSV = 'User ID,Email,Current License,New License,New Add-ons\n1,a@x.com,Optimize,Engage,Meet\n';

describe('runCliMode', () => {
  it('runs the real CLI: a valid file exits 0 with JSON on stdout', async () => {
    const { io, out } = memoryIo({ 'u.csv': CSV, 'p.json': PLAN });
    expect(await runCliMode(['validate', 'u.csv', '--plan', 'p.json', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out.join('')).valid).toBe(true);
  });

  it('exits 2 with a reason for a usage error', async () => {
    const { io, err } = memoryIo({});
    expect(await runCliMode(['validate'], io)).toBe(2);
    expect(err.join('')).not.toBe('');
  });

  it('turns an internal crash into status 2 instead of a hung app', async () => {
    const { io, err } = memoryIo({});
    const boom = async () => {
      throw new Error('boom');
    };
    expect(await runCliMode(['validate'], io, boom)).toBe(2);
    expect(err.join('')).toMatch(/internal error: boom/);
  });
});
