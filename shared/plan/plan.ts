// The license plan: what the contract grants (SPEC "The license plan"), validated with zod at the boundary.
import { z } from 'zod';
import { foldName } from '../text/names';
import { err, ok, type Result } from '../result';
import { MAX_LICENSES, MAX_NAME_LENGTH } from '../limits';

/** Add-on sets are bit masks over the plan's add-ons, so a plan has at most this many. */
export const MAX_ADD_ONS = 30;

const name = z
  .string({ error: 'must be a name in quotes' })
  .max(MAX_NAME_LENGTH, { message: `must be at most ${MAX_NAME_LENGTH} characters` })
  .refine((value) => value.trim() !== '', { message: 'must not be empty' })
  .refine((value) => !/[,;|\r\n]/.test(value), {
    message: 'must not contain , ; | or a line break (they separate add-ons in a cell)',
  });
const seats = z
  .number({ error: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' })
  .max(100_000_000, { message: 'must be at most 100,000,000' });

export const licenseSchema = z.strictObject({ name, seats, addOnsAllowed: z.boolean({ error: 'must be true or false' }) });
export const addOnSchema = z.strictObject({ name, seats });

function uniqueNames(items: readonly { name: string }[], ctx: z.RefinementCtx, what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = foldName(item.name);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `repeats the ${what} "${items[first].name}" (names are compared ignoring case and spaces)` });
    } else seen.set(key, index);
  });
}

export const planSchema = z
  .strictObject({
    licenses: z
      .array(licenseSchema)
      .min(1, { message: 'must list at least one license' })
      .max(MAX_LICENSES, { message: `may list at most ${MAX_LICENSES} licenses` })
      .superRefine((l, ctx) => uniqueNames(l, ctx, 'license')),
    addOns: z.array(addOnSchema).max(MAX_ADD_ONS, { message: `may list at most ${MAX_ADD_ONS} add-ons` }).superRefine((a, ctx) => uniqueNames(a, ctx, 'add-on')),
  })
  .superRefine((plan, ctx) => {
    const licenses = new Set(plan.licenses.map((l) => foldName(l.name)));
    plan.addOns.forEach((addOn, index) => {
      if (licenses.has(foldName(addOn.name))) {
        ctx.addIssue({ code: 'custom', path: ['addOns', index, 'name'], message: `"${addOn.name}" is already a license name` });
      }
    });
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanLicense = z.infer<typeof licenseSchema>;
export type PlanAddOn = z.infer<typeof addOnSchema>;

/** Each problem of a plan, as "licenses[1].seats: must be a whole number". */
export type PlanProblems = readonly string[];

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(the whole plan)' : out;
}

export function parsePlan(value: unknown): Result<Plan, PlanProblems> {
  const parsed = planSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`));
}

/** A plan file's text: JSON syntax errors are problems too, never throws. */
export function parsePlanText(text: string): Result<Plan, PlanProblems> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return err([`not valid JSON: ${(e as Error).message}`]);
  }
  return parsePlan(json);
}
