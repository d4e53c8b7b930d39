// The walls between layers hold in the type checker, not only in lint (docs/architecture.md "TypeScript project references"):
// a file compiled with shared/'s settings cannot use Node or the DOM, even through a library's types.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function typeCheck(source: string): string {
  const dir = mkdtempSync(path.join(root, 'shared', '.wall-probe-'));
  try {
    writeFileSync(path.join(dir, 'probe.ts'), source);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, rootDir: '.', paths: { papaparse: ['../csv/papaparse.d.ts'] } }, include: ['probe.ts', '../textCodec.d.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    return tsc.stdout + tsc.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('shared/ compiles without Node or the DOM', () => {
  it('refuses node:fs, process, Buffer and window, also next to papaparse (whose published types pull in Node)', () => {
    const out = typeCheck(`import Papa from 'papaparse';\nimport { readFileSync } from 'node:fs';\nexport const a = [Papa, readFileSync, process.env, Buffer.from(''), window.location];\n`);
    expect(out).toMatch(/probe\.ts\(2,.*node:fs/);
    expect(out).toMatch(/Cannot find name 'process'/);
    expect(out).toMatch(/Cannot find name 'Buffer'/);
    expect(out).toMatch(/Cannot find name 'window'/);
  });

  it('accepts what shared/ may use', () => {
    expect(typeCheck(`import Papa from 'papaparse';\nimport { z } from 'zod';\nexport const a = [Papa.Parser, z.string(), new TextDecoder()];\n`)).toBe('');
  });
});
