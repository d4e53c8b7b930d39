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

/** Writes `<dir>/cli.mjs`: the CLI's runCli and its Node I/O, as the `license-prep` bin runs them. */
export async function bundleCli(root, dir) {
  const outfile = path.join(dir, 'cli.mjs');
  const entry = path.join(dir, 'cli-entry.ts');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(entry, `export { runCli } from ${JSON.stringify(path.join(root, 'electron/cli/run.ts'))};\nexport { nodeCliIo, preferSmallHeap } from ${JSON.stringify(path.join(root, 'electron/cli/nodeIo.ts'))};\n`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
  return outfile;
}
