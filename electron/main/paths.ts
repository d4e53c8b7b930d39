// Where the built app's pieces are, relative to the app root (package.json's folder, or app.asar when packaged).
import { join } from 'node:path';

export function appPaths(appRoot: string): { rendererDir: string; preload: string; icon: string } {
  return {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preload: join(appRoot, 'dist', 'electron', 'preload', 'index.cjs'),
    icon: join(appRoot, 'resources', 'icons', '512x512.png'),
  };
}
