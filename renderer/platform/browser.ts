// The browser platform: file pickers, downloads, IndexedDB for saved progress,
// keyboard shortcuts standing in for the native menus.
import { mergeJournal, parseJournal, type Journal } from '../../shared/index';
import { MAX_LISTED_PROGRESS } from '../../shared/ipc/contract';
import type { FilePurpose, MenuCommand, PickedFile, Platform, SavedProgressEntry, SaveOutcome, SavePurpose } from './platform';

const DB_NAME = 'license-prep';
const STORE = 'progress';
/** Edits not durable when the page unloaded (keepUnsavedProgress), one key per saved migration. */
const UNSAVED_PREFIX = 'license-prep:unsaved:';
/** As in the app: at most this many saved migrations (the newest MAX_LISTED_PROGRESS are loaded and offered). */
const MAX_SAVED_PROGRESS = 200;

const ACCEPT: Record<FilePurpose, string> = {
  export: '.csv,.txt,.tsv,text/csv,text/plain',
  original: '.csv,.txt,.tsv,text/csv,text/plain',
  plan: '.json,application/json',
};

const MIME: Record<SavePurpose, string> = {
  clean: 'text/csv',
  report: 'text/csv',
  annotated: 'text/csv',
  plan: 'application/json',
};

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      let result: T | undefined;
      if (request) request.onsuccess = () => (result = request.result);
      // Durable when the transaction completes, not when the request succeeds.
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

/** Every saved migration that reads as a journal, newest first. */
async function readAll(): Promise<SavedProgressEntry[]> {
  const db = await openDb();
  try {
    const entries = await new Promise<SavedProgressEntry[]>((resolve, reject) => {
      const out: SavedProgressEntry[] = [];
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(out);
        const parsed = parseJournal(cursor.value);
        if (parsed.ok) out.push({ id: String(cursor.key), journal: parsed.value, note: null });
        cursor.continue();
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
    });
    return entries.sort((a, b) => b.journal.updatedAt.localeCompare(a.journal.updatedAt) || (a.id < b.id ? -1 : 1));
  } finally {
    db.close();
  }
}

function forgetUnsaved(id: string): void {
  try {
    localStorage.removeItem(UNSAVED_PREFIX + id);
  } catch {
    /* storage disabled */
  }
}

/** Edits kept while the page unloaded are merged into their saved migration (the later wins), then forgotten. */
async function recoverUnsaved(): Promise<void> {
  let keys: string[];
  try {
    keys = Object.keys(localStorage).filter((k) => k.startsWith(UNSAVED_PREFIX));
  } catch {
    return;
  }
  for (const key of keys) {
    const id = key.slice(UNSAVED_PREFIX.length);
    let kept: unknown = null;
    try {
      kept = JSON.parse(localStorage.getItem(key) ?? 'null');
    } catch {
      /* unreadable: dropped below */
    }
    const parsed = typeof kept === 'object' && kept !== null && 'journal' in kept ? parseJournal(kept.journal) : null;
    if (parsed?.ok) {
      const base = await withStore('readonly', (store) => store.get(id) as IDBRequest<unknown>);
      const saved = base === undefined ? null : parseJournal(base);
      await withStore('readwrite', (store) => store.put(mergeJournal(saved?.ok ? saved.value : null, parsed.value), id));
    }
    forgetUnsaved(id);
  }
}

/** Read a File into bytes. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

function pickWithInput(purpose: FilePurpose): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[purpose];
    input.style.display = 'none';
    input.dataset.purpose = purpose;
    let settled = false;
    const finish = (value: PickedFile | null): void => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(value);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(null);
      void fileBytes(file).then((bytes) => finish({ name: file.name, bytes, handle: null }));
    });
    input.addEventListener('cancel', () => finish(null));
    document.body.appendChild(input);
    input.click();
  });
}

function download(name: string, bytes: Uint8Array, type: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type === 'text' || type === 'search' || type === 'email' || type === 'number';
}

/** Keyboard shortcuts for the commands a desktop app puts in its menus. */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, inTextField: boolean): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'o') return event.shiftKey ? 'openOriginal' : 'open';
  if (key === 's') return 'save';
  if (key === 'f') return 'find';
  if (inTextField) return null; // text fields keep their own undo
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return null;
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    pickFile: pickWithInput,
    async saveFile(request): Promise<SaveOutcome> {
      try {
        download(request.suggestedName, request.bytes, MIME[request.purpose]);
        return { ok: true, name: request.suggestedName };
      } catch (e) {
        return { ok: false, canceled: false, message: (e as Error).message };
      }
    },
    async listProgress(): Promise<SavedProgressEntry[]> {
      await recoverUnsaved();
      return (await readAll()).slice(0, MAX_LISTED_PROGRESS);
    },
    async olderSavedProgress() {
      return (await readAll()).slice(MAX_LISTED_PROGRESS).map((e) => ({ id: e.id, savedAt: e.journal.updatedAt }));
    },
    async pruneSavedProgress(ids: readonly string[]): Promise<number> {
      // Only those still beyond the limit: a migration saved again since it was listed is kept.
      const older = new Set((await readAll()).slice(MAX_LISTED_PROGRESS).map((e) => e.id));
      const doomed = [...new Set(ids)].filter((id) => older.has(id));
      for (const id of doomed) await withStore('readwrite', (store) => store.delete(id));
      return doomed.length;
    },
    async saveProgress(id: string, journal: Journal): Promise<void> {
      const ids = (await withStore('readonly', (store) => store.getAllKeys())) ?? [];
      if (!ids.includes(id) && ids.length >= MAX_SAVED_PROGRESS) {
        throw new Error(`There are already ${MAX_SAVED_PROGRESS} saved migrations: remove older ones on the Open screen, then your progress is saved again.`);
      }
      await withStore('readwrite', (store) => store.put(journal, id));
    },
    async discardProgress(id: string): Promise<void> {
      forgetUnsaved(id);
      await withStore('readwrite', (store) => store.delete(id));
    },
    keepUnsavedProgress(id: string, journal: Journal): void {
      // Synchronous, so it is kept even when the page is gone before IndexedDB answers. A journal too large
      // for the storage's quota is not kept this way: the save started at the same time is all there is.
      try {
        localStorage.setItem(UNSAVED_PREFIX + id, JSON.stringify({ id, journal }));
      } catch {
        /* over quota, or storage disabled */
      }
    },
    forgetUnsavedProgress: forgetUnsaved,
    onMenuCommand(handler) {
      const listener = (event: KeyboardEvent): void => {
        const command = commandForKey(event, isTextTarget(event.target));
        if (command === null) return;
        event.preventDefault();
        handler(command);
      };
      window.addEventListener('keydown', listener);
      return () => window.removeEventListener('keydown', listener);
    },
    async sha256(bytes: Uint8Array): Promise<string> {
      const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    },
  };
}
