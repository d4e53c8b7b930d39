// Light or dark: the system's choice unless the user picked one; applied to <html data-theme>.
import { useEffect, useState } from 'react';
import type { ThemeChoice } from '../store/appStore';

const query = (): MediaQueryList | null => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

export function useDarkTheme(choice: ThemeChoice): boolean {
  const [systemDark, setSystemDark] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const q = query();
    if (!q) return;
    const listener = (e: MediaQueryListEvent): void => setSystemDark(e.matches);
    q.addEventListener('change', listener);
    return () => q.removeEventListener('change', listener);
  }, []);
  const dark = choice === 'system' ? systemDark : choice === 'dark';
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}
