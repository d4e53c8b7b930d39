// Saved progress (docs/formats.md "Saved progress"): at most a second after the first unsaved edit, and at once
// when the page hides, another file opens or the window closes.
import { journalOf } from '../../shared/index';
import { platform } from '../platform/index';
import { appStore } from './appStore';

let timer: ReturnType<typeof setTimeout> | null = null;
const AUTOSAVE_DELAY_MS = 1000;

/** Saves at most AUTOSAVE_DELAY_MS after the first unsaved edit, however fast the edits keep coming. */
export function scheduleAutosave(): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void saveProgressNow();
  }, AUTOSAVE_DELAY_MS);
}

/** Save pending edits now (on hide, before another file, before the window closes); resolves when written. */
export function flushAutosave(): Promise<void> {
  if (timer === null) return Promise.resolve();
  clearTimeout(timer);
  timer = null;
  return saveProgressNow();
}

async function saveProgressNow(): Promise<void> {
  const open = appStore.getState().open;
  if (!open) return;
  const at = new Date().toISOString();
  try {
    await platform().saveProgress(open.progressId, journalOf(open.session, open.source, at));
    appStore.setState({ lastSavedAt: at });
  } catch (e) {
    appStore.setState({ notice: { tone: 'error', text: `Progress could not be saved: ${(e as Error).message}` } });
  }
}
