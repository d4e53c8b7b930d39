// Every contract channel wired to its service (docs/architecture.md "IPC"): one table keyed by channel, so each channel
// is named once; the type requires a handler for every channel of the contract, and registerAll registers
// exactly the contract's channels. No Electron import: tested end to end with a fake ipcMain.
import { contract } from '../../../shared/ipc/contract';
import type { ContractChannel } from '../../../shared/ipc/channels';
import type { Journal } from '../../../shared/migration/journal';
import type { ProgressListing } from '../autosave/progressStore';
import type { FileService } from '../files/fileService';
import type { ChannelHandler, RegisterHandler } from './registerHandler';

export interface ProgressService {
  listing(): Promise<ProgressListing>;
  save(id: string, journal: Journal): Promise<void>;
  discard(id: string): Promise<void>;
  prune(ids: readonly string[]): Promise<number>;
}

export type ChannelHandlers = { readonly [C in ContractChannel]: ChannelHandler<C> };

export function channelHandlers(services: { files: Pick<FileService, 'open' | 'save' | 'adoptDropped'>; progress: ProgressService; onFlushed: () => void }): ChannelHandlers {
  const { files, progress } = services;
  return {
    'lp:file.open': (req) => files.open(req.purpose),
    'lp:file.save': (req) => files.save(req),
    'lp:file.adoptDropped': (req) => files.adoptDropped(req),
    'lp:progress.list': async () => {
      const { entries, beyondLimit } = await progress.listing();
      return { entries: entries.map((e) => ({ id: e.id, journal: e.journal, note: e.note })), beyondLimit: beyondLimit.map((o) => ({ id: o.id, savedAt: o.savedAt })) };
    },
    'lp:progress.save': async (req) => {
      await progress.save(req.id, req.journal);
      return null;
    },
    'lp:progress.discard': async (req) => {
      await progress.discard(req.id);
      return null;
    },
    'lp:progress.prune': async (req) => ({ removed: await progress.prune(req.ids) }),
    'lp:app.flushed': async () => {
      services.onFlushed();
      return null;
    },
  };
}

/** Register every channel of the contract with its handler. */
export function registerAll(register: RegisterHandler, handlers: ChannelHandlers): void {
  for (const channel of Object.keys(contract) as ContractChannel[]) register(channel, handlers[channel] as ChannelHandler<typeof channel>);
}
