// Which columns of the grid the admin shows or hides (the column chooser), remembered on this computer
// by header name, so the next export with the same columns opens the same way.
import { foldHeader } from '../../shared/index';

const KEY = 'license-prep.grid-columns';

/** A column's id in the preferences: its folded header ("currentaddons"), or a grid-only id ("name"). */
export const prefKey = (headerOrId: string): string => foldHeader(headerOrId) || headerOrId;

type Prefs = Record<string, boolean>;

function read(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  } catch {
    return {};
  }
}

/** Whether the column is shown: the admin's choice when they made one, else `byDefault`. */
export function isShown(key: string, byDefault: boolean): boolean {
  return read()[key] ?? byDefault;
}

/** Remember that the column is shown (or hidden). */
export function rememberShown(key: string, shown: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...read(), [key]: shown }));
  } catch {
    // Storage full or unavailable: the choice holds for this window only.
  }
}
