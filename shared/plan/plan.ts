// The license plan: what the contract grants (docs/formats.md "The license plan"), validated with zod at the boundary.
import { z } from 'zod';
import { foldHeader, foldName } from '../text/names';
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

/**
 * The mapping table (docs/formats.md "The license plan"): for each license users hold today (`current`,
 * compared ignoring case; '' for users without one) the New License to give (a plan license, or '' for
 * none), add-ons to add, and whether their current add-ons carry over where the new license allows them.
 */
export const licenseMappingSchema = z.strictObject({
  current: z.string({ error: 'must be a name in quotes' }).max(MAX_NAME_LENGTH, { message: `must be at most ${MAX_NAME_LENGTH} characters` }),
  license: z.string({ error: 'must be a name in quotes' }).max(MAX_NAME_LENGTH, { message: `must be at most ${MAX_NAME_LENGTH} characters` }),
  addOns: z.array(name).max(MAX_ADD_ONS).default([]),
  carryOver: z.boolean({ error: 'must be true or false' }).default(true),
});

/** An add-on users hold today (`current`, an old-model name) and the plan add-ons it becomes when carried over. */
export const addOnMappingSchema = z.strictObject({
  current: z.string({ error: 'must be a name in quotes' }).min(1).max(MAX_NAME_LENGTH),
  addOns: z.array(name).max(MAX_ADD_ONS),
});

export const mappingSchema = z.strictObject({
  licenses: z.array(licenseMappingSchema).max(MAX_LICENSES).default([]),
  addOns: z.array(addOnMappingSchema).max(MAX_LICENSES).default([]),
});

/** Which column of a file is which, remembered for that file's header (the column-mapping step). */
const columnName = z.string().max(1000).nullable().default(null);
export const columnChoiceSchema = z.strictObject({
  /** The file's header, as written: the choice applies to files with this header (compared ignoring case and spaces). */
  header: z.array(z.string().max(1000)).min(1).max(1000),
  userId: columnName,
  email: columnName,
  currentLicense: columnName,
  currentAddOns: columnName,
  /** null: the column is added at the end of the file. */
  newLicense: columnName,
  newAddOns: columnName,
});

const ROLE_NAMES: Record<string, string> = { userId: 'User ID', email: 'Email', currentLicense: 'Current License', currentAddOns: 'Current Add-ons', newLicense: 'New License', newAddOns: 'New Add-ons' };

export const planSchema = z
  .strictObject({
    licenses: z
      .array(licenseSchema)
      .min(1, { message: 'must list at least one license' })
      .max(MAX_LICENSES, { message: `may list at most ${MAX_LICENSES} licenses` })
      .superRefine((l, ctx) => uniqueNames(l, ctx, 'license')),
    addOns: z.array(addOnSchema).max(MAX_ADD_ONS, { message: `may list at most ${MAX_ADD_ONS} add-ons` }).superRefine((a, ctx) => uniqueNames(a, ctx, 'add-on')),
    mapping: mappingSchema.optional(),
    columns: z.array(columnChoiceSchema).max(50).optional(),
  })
  .superRefine((plan, ctx) => {
    const licenses = new Set(plan.licenses.map((l) => foldName(l.name)));
    const addOns = new Set(plan.addOns.map((a) => foldName(a.name)));
    plan.addOns.forEach((addOn, index) => {
      if (licenses.has(foldName(addOn.name))) {
        ctx.addIssue({ code: 'custom', path: ['addOns', index, 'name'], message: `"${addOn.name}" is already a license name` });
      }
    });
    plan.columns?.forEach((choice, index) => {
      // A column chosen twice would have New License written over another of our columns.
      const seenColumns = new Map<string, string>();
      for (const role of ['userId', 'email', 'currentLicense', 'currentAddOns', 'newLicense', 'newAddOns'] as const) {
        const chosen = choice[role];
        if (chosen === null) continue;
        const key = foldHeader(chosen);
        if (!choice.header.some((h) => foldHeader(h) === key)) ctx.addIssue({ code: 'custom', path: ['columns', index, role], message: `names "${chosen}", which is not in its header` });
        else if (seenColumns.has(key)) ctx.addIssue({ code: 'custom', path: ['columns', index, role], message: `names "${chosen}" a second time (already chosen as ${ROLE_NAMES[seenColumns.get(key)!]})` });
        else seenColumns.set(key, role);
      }
    });
    if (!plan.mapping) return;
    const seen = new Set<string>();
    plan.mapping.licenses.forEach((entry, index) => {
      const key = foldName(entry.current);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['mapping', 'licenses', index, 'current'], message: `maps "${entry.current}" a second time` });
      seen.add(key);
      if (entry.license.trim() !== '' && !licenses.has(foldName(entry.license))) {
        ctx.addIssue({ code: 'custom', path: ['mapping', 'licenses', index, 'license'], message: `"${entry.license}" is not a license of the plan` });
      }
      entry.addOns.forEach((a, i) => {
        if (!addOns.has(foldName(a))) ctx.addIssue({ code: 'custom', path: ['mapping', 'licenses', index, 'addOns', i], message: `"${a}" is not an add-on of the plan` });
      });
    });
    const seenAddOns = new Set<string>();
    plan.mapping.addOns.forEach((entry, index) => {
      const key = foldName(entry.current);
      if (seenAddOns.has(key)) ctx.addIssue({ code: 'custom', path: ['mapping', 'addOns', index, 'current'], message: `maps "${entry.current}" a second time` });
      seenAddOns.add(key);
      entry.addOns.forEach((a, i) => {
        if (!addOns.has(foldName(a))) ctx.addIssue({ code: 'custom', path: ['mapping', 'addOns', index, 'addOns', i], message: `"${a}" is not an add-on of the plan` });
      });
    });
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanLicense = z.infer<typeof licenseSchema>;
export type PlanAddOn = z.infer<typeof addOnSchema>;
export type PlanMapping = z.infer<typeof mappingSchema>;
export type LicenseMapping = z.infer<typeof licenseMappingSchema>;
export type AddOnMapping = z.infer<typeof addOnMappingSchema>;
export type ColumnChoice = z.infer<typeof columnChoiceSchema>;

/** Each problem of a plan, in words: "License 2 (\u201cAdmin\u201d): seats must be a whole number". */
export type PlanProblems = readonly string[];

const FIELDS: Record<string, string> = {
  name: 'the name',
  seats: 'seats',
  addOnsAllowed: '"add-ons allowed"',
  current: 'the current name',
  license: 'the new license',
  addOns: 'the add-ons',
  carryOver: '"carry over current add-ons"',
  header: 'the header',
  userId: 'the User ID column',
  email: 'the Email column',
  currentLicense: 'the Current License column',
  currentAddOns: 'the Current Add-ons column',
  newLicense: 'the New License column',
  newAddOns: 'the New Add-ons column',
};

/** Where a problem is, in words, looking the item's name up in the plan as given (when it has one). */
export function describePlanPath(path: readonly PropertyKey[], plan: unknown): string {
  const [section, index, field, ...rest] = path;
  const item = (list: unknown, i: unknown): { name?: unknown; current?: unknown } | undefined =>
    Array.isArray(list) && typeof i === 'number' && typeof list[i] === 'object' && list[i] !== null ? list[i] : undefined;
  const root = typeof plan === 'object' && plan !== null ? (plan as Record<string, unknown>) : {};
  const named = (what: string, i: unknown, value: unknown): string => {
    const label = typeof value === 'string' && value.trim() !== '' ? ` ("${value}")` : '';
    return typeof i === 'number' ? `${what} ${i + 1}${label}` : what;
  };
  const fieldText = (f: unknown): string => (f === undefined ? '' : ` ${FIELDS[String(f)] ?? String(f)}`);
  if (section === 'licenses') {
    if (index === undefined) return 'The licenses';
    return `${named('License', index, item(root.licenses, index)?.name)}:${fieldText(field)}`;
  }
  if (section === 'addOns') {
    if (index === undefined) return 'The add-ons';
    return `${named('Add-on', index, item(root.addOns, index)?.name)}:${fieldText(field)}`;
  }
  if (section === 'mapping') {
    const mapping = (root.mapping ?? {}) as Record<string, unknown>;
    const kind = index === 'licenses' ? 'The mapping of license' : index === 'addOns' ? 'The mapping of add-on' : 'The mapping';
    const entryIndex = field;
    const entry = item(mapping[String(index)], entryIndex);
    const none = index === 'licenses' ? '(no license today)' : '(empty)';
    const label = typeof entry?.current === 'string' ? ` "${entry.current === '' ? none : entry.current}"` : typeof entryIndex === 'number' ? ` ${entryIndex + 1}` : '';
    const [sub, subIndex] = rest;
    return `${kind}${label}:${fieldText(sub)}${typeof subIndex === 'number' ? ` (item ${subIndex + 1})` : ''}`;
  }
  if (section === 'columns') return `The remembered column choice ${typeof index === 'number' ? index + 1 : ''}:${fieldText(field)}`.replace(' :', ':');
  if (section === undefined) return 'The plan';
  return `"${String(section)}"`;
}

export function parsePlan(value: unknown): Result<Plan, PlanProblems> {
  const parsed = planSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((issue) => {
      if (issue.path.length === 0 && issue.code === 'invalid_type') return 'The plan must be a JSON object with "licenses" and "addOns" lists.';
      if (issue.path.length === 1 && issue.code === 'invalid_type' && ['licenses', 'addOns'].includes(String(issue.path[0]))) return `The plan's "${String(issue.path[0])}" must be a list.`;
      // Our own checks name the value in their message: the mapping's field adds nothing to it.
      const path = issue.code === 'custom' && issue.path[0] === 'mapping' ? issue.path.slice(0, 3) : issue.path;
      const where = describePlanPath(path, value);
      // "License 2 ("Admin"): seats must be a whole number"; unknown keys: "License 1: has an unknown field "colour"".
      const message = issue.code === 'unrecognized_keys' ? `has an unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      return `${where} ${message}`;
    }),
  );
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
