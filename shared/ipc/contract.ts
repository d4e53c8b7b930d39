// The IPC contract (docs/architecture.md "IPC"): a zod request and response schema per channel; main parses every
// payload with these, and the API type the preload exposes is derived from them so nothing can drift.
import { z } from 'zod';
import { journalSchema } from '../migration/journal';
import { invokeChannels, preloadChannels, type ContractChannel, type EventMethod, type EventPayloads, type InvokeMethod, type PreloadMethod } from './channels';

/**
 * Largest file the app moves over IPC (1,000,000 users is about 125–200 MB of CSV). Kept well under
 * V8's serializer ceiling of about 512 MiB per message, where a larger file would crash, not be refused.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= MAX_FILE_BYTES, {
  message: `expected bytes (a Uint8Array of at most ${MAX_FILE_BYTES} bytes)`,
});

/** An opaque token main hands out for a file it opened; main maps it back to the path. */
export const fileHandleSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a file handle');

/** A saved-progress id becomes a folder name in main: letters, digits, `-` and `_` only (no traversal). */
export const progressIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'not a progress id');

/** A file name suggestion for the save dialog: a bare name, never a path. */
export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..', 'must be a file name, not a path');

export const filePurposeSchema = z.enum(['export', 'original', 'plan']);
export const savePurposeSchema = z.enum(['clean', 'report', 'annotated', 'plan']);

export const pickedFileSchema = z.strictObject({ name: z.string(), bytes: bytesSchema, handle: fileHandleSchema });

export const saveOutcomeSchema = z.union([
  z.strictObject({ ok: z.literal(true), name: z.string() }),
  z.strictObject({ ok: z.literal(false), canceled: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), canceled: z.literal(false), message: z.string() }),
]);

export const savedProgressEntrySchema = z.strictObject({ id: progressIdSchema, journal: journalSchema, note: z.string().max(2000).nullable() });

/** How many saved migrations are loaded and offered for resume; older ones are listed by name only. */
export const MAX_LISTED_PROGRESS = 20;

/** Saved progress beyond the limit: not loaded, removed only when the admin agrees (`lp:progress.prune`). */
export const olderProgressSchema = z.strictObject({ id: progressIdSchema, savedAt: z.string().max(64) });

export const progressListSchema = z.strictObject({
  entries: z.array(savedProgressEntrySchema).max(MAX_LISTED_PROGRESS),
  beyondLimit: z.array(olderProgressSchema).max(10_000),
});

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const contract = {
  'lp:file.open': {
    request: z.strictObject({ purpose: filePurposeSchema }),
    response: pickedFileSchema.nullable(),
  },
  'lp:file.save': {
    request: z.strictObject({
      purpose: savePurposeSchema,
      suggestedName: suggestedNameSchema,
      bytes: bytesSchema,
      sourceHandle: fileHandleSchema.nullable().optional(),
    }),
    response: saveOutcomeSchema,
  },
  /**
   * Built by the preload, never by the page (channels.ts `preloadChannels`): `path` is what
   * webUtils.getPathForFile gives for the real File the user dropped, `size` that File's size. The
   * renderer read the file itself; main checks that the path holds exactly those bytes (size, then a
   * streamed sha256, one file at a time) before remembering it, and returns a handle (recent files,
   * overwrite protection).
   */
  'lp:file.adoptDropped': {
    request: z.strictObject({ path: z.string().min(1).max(4096), purpose: filePurposeSchema, size: z.number().int().nonnegative(), sha256: sha256Schema }),
    response: fileHandleSchema.nullable(),
  },
  'lp:progress.list': {
    request: z.undefined(),
    response: progressListSchema,
  },
  'lp:progress.prune': {
    request: z.strictObject({ ids: z.array(progressIdSchema).max(10_000) }),
    response: z.strictObject({ removed: z.number().int().nonnegative() }),
  },
  'lp:progress.save': {
    request: z.strictObject({ id: progressIdSchema, journal: journalSchema }),
    response: z.null(),
  },
  'lp:progress.discard': {
    request: z.strictObject({ id: progressIdSchema }),
    response: z.null(),
  },
  'lp:app.flushed': {
    request: z.undefined(),
    response: z.null(),
  },
} as const satisfies Record<ContractChannel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends ContractChannel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ContractChannel> = z.output<Contract[C]['response']>;

export type IpcErrorCode = 'invalid-request' | 'forbidden-sender' | 'failed';
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** What a dropped `File` offers (structural, so shared/ stays free of DOM types); the preload checks `instanceof File`. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

type InvokeApi = {
  [M in InvokeMethod]: undefined extends RequestOf<(typeof invokeChannels)[M]>
    ? () => Promise<IpcResult<ResponseOf<(typeof invokeChannels)[M]>>>
    : (request: RequestOf<(typeof invokeChannels)[M]>) => Promise<IpcResult<ResponseOf<(typeof invokeChannels)[M]>>>;
};

/** The preload fills in what the page may not: the path (and size) of the dropped File. */
type PreloadApi = {
  [M in PreloadMethod]: (file: DroppedFile, request: Omit<RequestOf<(typeof preloadChannels)[M]>, 'path' | 'size'>) => Promise<IpcResult<ResponseOf<(typeof preloadChannels)[M]>>>;
};

type EventApi = {
  [M in EventMethod]: (handler: (payload: EventPayloads[M]) => void) => () => void;
};

/** `window.licensePrep`: one method per contract channel, plus event subscriptions that return an unsubscribe. */
export type LicensePrepApi = InvokeApi & PreloadApi & EventApi;
