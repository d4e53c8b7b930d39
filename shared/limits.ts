// Documented limits (docs/formats.md "Limits"): what the app and the CLI accept, so hostile or
// mistaken input gets a one-line reason instead of exhausting memory or the stack.

/** Largest export (or original export) read: 1,000,000 users is about 100–200 MB of CSV. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** Largest plan file read: a plan lists licenses and add-ons, a few kilobytes in practice. */
export const MAX_PLAN_BYTES = 1024 * 1024;

/** Most licenses a plan may list (add-ons: MAX_ADD_ONS, in plan.ts). */
export const MAX_LICENSES = 1000;

/** Longest license or add-on name in a plan. */
export const MAX_NAME_LENGTH = 200;

const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MiB`;

export const describeLimit = (bytes: number): string => mib(bytes);
