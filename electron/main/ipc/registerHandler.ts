// The one way main listens on IPC (docs/architecture.md "IPC"): prefix checked, sender frame checked, payload parsed
// with the contract's zod schema, and a result returned — nothing is ever thrown across IPC.
import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { CHANNEL_PREFIX, type ContractChannel } from '../../../shared/ipc/channels';
import { contract, type Contract, type IpcResult, type ResponseOf } from '../../../shared/ipc/contract';
import { validateSender, type SenderFrame } from '../security/urls';

/** The part of Electron's ipcMain a registrar needs (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegistrarOptions {
  readonly ipc: IpcMainLike;
  /** Defaults to validateSender: our app's main frame only. */
  readonly isTrustedSender?: (frame: SenderFrame | null) => boolean;
  readonly log?: (message: string) => void;
}

export type Handler<Req, Res> = (request: Req, event: IpcMainInvokeEvent) => Promise<Res> | Res;

/** The handler of one channel: takes the contract's parsed request, returns its response type. */
export type ChannelHandler<C extends ContractChannel> = Handler<z.output<Contract[C]['request']>, ResponseOf<C>>;

/** Register `channel`; its payload is parsed with the contract's request schema for that channel. */
export type RegisterHandler = <C extends ContractChannel>(channel: C, handler: ChannelHandler<C>) => void;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}

export function createRegistrar(options: RegistrarOptions): RegisterHandler {
  const isTrustedSender = options.isTrustedSender ?? validateSender;
  const log = options.log ?? (() => undefined);
  const registered = new Set<string>();
  return (channel, handler) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel ${channel} must start with ${CHANNEL_PREFIX}`);
    const schema = (contract as Record<string, { request: z.ZodType } | undefined>)[channel]?.request;
    if (schema === undefined) throw new Error(`IPC channel ${channel} is not in the contract`);
    if (registered.has(channel)) throw new Error(`IPC channel ${channel} is registered twice`);
    registered.add(channel);
    options.ipc.handle(channel, async (event, ...args): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame ?? null)) {
        log(`refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { code: 'forbidden-sender', message: 'This request did not come from License Prep.' } };
      }
      if (args.length > 1) return { ok: false, error: { code: 'invalid-request', message: `${channel}: expected one argument, got ${args.length}` } };
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        log(`invalid payload on ${channel}: ${describeIssues(parsed.error)}`);
        return { ok: false, error: { code: 'invalid-request', message: `${channel}: ${describeIssues(parsed.error)}` } };
      }
      try {
        return { ok: true, value: await handler(parsed.data as never, event) };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        log(`${channel} failed: ${e instanceof Error && e.stack ? e.stack : message}`);
        return { ok: false, error: { code: 'failed', message } };
      }
    });
  };
}
