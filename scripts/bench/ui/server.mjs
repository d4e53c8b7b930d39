// The browser build for the UI bench: built fresh, served by `vite preview` on a port of its own.
import { spawn, spawnSync } from 'node:child_process';

/** `readable`: not minified, so CPU profiles name the functions (the --profile runs). */
export function buildRenderer(root, { readable = false } = {}) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...(readable ? ['--minify', 'false'] : [])], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
}

/** Start `vite preview`; resolves with a stop function once it listens. */
export async function startPreview(root, port) {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30_000);
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      if (String(chunk).includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return stop;
}
