// Which platform the app runs on: the Electron bridge when the shell passes one in, the browser otherwise.
import { createBrowserPlatform } from './browser';
import type { Platform } from './platform';

let current: Platform | null = null;

/** Call once at start-up; the Electron entry passes its adapter, a browser passes nothing. */
export function choosePlatform(electron?: Platform): Platform {
  current = electron ?? createBrowserPlatform();
  return current;
}

export function platform(): Platform {
  return current ?? choosePlatform();
}
