// Bundle what runs in Node: the Electron main process, the preload, and the CLI (CommonJS, one file each).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'electron/main/index.ts', out: 'dist/electron/main/index.cjs', external: ['electron'] },
  { in: 'electron/preload/index.ts', out: 'dist/electron/preload/index.cjs', external: ['electron'] },
  { in: 'electron/cli/main.ts', out: 'dist/cli/license-prep.cjs', external: [] },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) {
    console.log(`build-node: ${entry.in} not present, skipped`);
    continue;
  }
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: entry.external,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`build-node: ${entry.out}`);
}
