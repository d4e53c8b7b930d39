// Bundle the real TypeScript core (shared/index.ts) with esbuild into a temp dir, so the bench
// measures the code the app and CLI run, not a copy.
import { build } from 'esbuild';
import path from 'node:path';

/** Writes `<dir>/core.mjs` (ESM, platform node, not minified so profiles keep names); returns its path. */
export async function bundleCore(root, dir) {
  const outfile = path.join(dir, 'core.mjs');
  await build({
    entryPoints: [path.join(root, 'shared/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
