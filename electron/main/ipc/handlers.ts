// Every invoke channel of the contract, wired to its service (STYLE.md "IPC"). No Electron import:
// tested end to end with a fake ipcMain.
import { contract } from '../../../shared/ipc/contract';
import type { Journal } from '../../../shared/migration/journal';
import type { FileService } from '../files/fileService';
import type { SavedProgress } from '../autosave/progressStore';
import type { RegisterHandler } from './registerHandler';

export interface ProgressService {
  list(): Promise<SavedProgress[]>;
  save(id: string, journal: Journal): Promise<void>;
  discard(id: string): Promise<void>;
}

export function registerIpcHandlers(
  register: RegisterHandler,
  services: { files: Pick<FileService, 'open' | 'save' | 'adoptDropped'>; progress: ProgressService; onFlushed?: () => void },
): void {
  const { files, progress } = services;
  register('lp:app.flushed', contract['lp:app.flushed'].request, async () => {
    services.onFlushed?.();
    return null;
  });
  register('lp:file.open', contract['lp:file.open'].request, (req) => files.open(req.purpose));
  register('lp:file.save', contract['lp:file.save'].request, (req) => files.save(req));
  register('lp:file.adoptDropped', contract['lp:file.adoptDropped'].request, (req) => files.adoptDropped(req));
  register('lp:progress.list', contract['lp:progress.list'].request, async () => (await progress.list()).map((e) => ({ id: e.id, journal: e.journal, note: e.note })));
  register('lp:progress.save', contract['lp:progress.save'].request, async (req) => {
    await progress.save(req.id, req.journal);
    return null;
  });
  register('lp:progress.discard', contract['lp:progress.discard'].request, async (req) => {
    await progress.discard(req.id);
    return null;
  });
}
