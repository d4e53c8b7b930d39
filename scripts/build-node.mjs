// Bundle what runs in Node: the Electron main process, the preload, and the CLI (CommonJS, one file each).
// `node scripts/build-node.mjs` writes dist/…; `--out DIR` writes DIR/dist/… instead (the boot test
// builds the same bundles into a temporary app folder this way).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outRoot = outFlag === -1 ? root : resolve(process.argv[outFlag + 1]);

const entries = [
  { in: 'electron/main/index.ts', out: 'dist/electron/main/index.cjs', external: ['electron'] },
  { in: 'electron/preload/index.ts', out: 'dist/electron/preload/index.cjs', external: ['electron'] },
  { in: 'electron/cli/main.ts', out: 'dist/cli/license-prep.cjs', external: [] },
];

for (const entry of entries) {
  const source = join(root, entry.in);
  if (!existsSync(source)) {
    console.log(`build-node: ${entry.in} not present, skipped`);
    continue;
  }
  await build({
    entryPoints: [source],
    outfile: join(outRoot, entry.out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: entry.external,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`build-node: ${join(outRoot, entry.out)}`);
}
