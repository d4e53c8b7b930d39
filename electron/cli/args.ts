// Parse the CLI's arguments (docs/formats.md "The CLI") into validated options; every mistake is one line.
import { z } from 'zod';

export const USAGE = `Usage:
  license-prep validate FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL]
                        [--report ERRORS.csv] [--format text|json]
  license-prep clean    FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL] --out OUT.csv
                        [--report ERRORS.csv] [--format text|json]
  license-prep summary  FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL] [--format text|json]
  license-prep assign   FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL] --out OUT.csv
                        [--overwrite] [--report ERRORS.csv] [--format text|json]
                        (fills empty New License / New Add-ons cells from the plan's mapping, then as clean;
                        --overwrite replaces cells already filled too)

Every command takes --encoding NAME (a WHATWG label such as windows-1252, shift_jis, gb18030)
to read a FILE saved in a legacy encoding, and --original-encoding NAME for the original export.
"--" ends the options (for a FILE named like one).

Exit status: 0 no errors (warnings allowed); 1 errors found (clean and assign then write nothing);
2 usage error, unreadable input or a refused output path.`;

const COMMANDS = ['validate', 'clean', 'summary', 'assign'] as const;

const optionsSchema = z.strictObject({
  command: z.enum(COMMANDS, { error: 'the command must be validate, clean, summary or assign' }),
  file: z.string({ error: 'FILE is missing' }).min(1, { error: 'FILE is missing' }),
  plan: z.string({ error: '--plan PLAN.json is required' }).min(1),
  original: z.string().min(1).optional(),
  me: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  encoding: z.string().min(1).optional(),
  'original-encoding': z.string().min(1).optional(),
  format: z.enum(['text', 'json'], { error: '--format must be text or json' }).default('text'),
  overwrite: z.literal('true').optional(),
});

export type CliOptions = z.infer<typeof optionsSchema>;
export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const VALUED = new Set(['plan', 'original', 'me', 'report', 'out', 'format', 'encoding', 'original-encoding']);
const FLAGS = new Set(['overwrite']);
const ALLOWED: Record<CliOptions['command'], ReadonlySet<string>> = {
  validate: new Set(['plan', 'original', 'me', 'report', 'format', 'encoding', 'original-encoding']),
  clean: new Set(['plan', 'original', 'me', 'report', 'out', 'format', 'encoding', 'original-encoding']),
  summary: new Set(['plan', 'original', 'me', 'format', 'encoding', 'original-encoding']),
  assign: new Set(['plan', 'original', 'me', 'report', 'out', 'format', 'encoding', 'original-encoding', 'overwrite']),
};
/** Options naming a file we write: a folder (or a name ending in a separator) is never a file. */
const OUTPUTS = ['out', 'report'] as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command.startsWith('-')) return { kind: 'error', message: `the command (validate, clean, summary or assign) comes first, before ${command}` };
  const raw: Record<string, string> = { command };
  const positional: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (FLAGS.has(name)) {
        if (eq !== -1) return { kind: 'error', message: `--${name} takes no value` };
        raw[name] = 'true';
        continue;
      }
      if (!VALUED.has(name)) return { kind: 'error', message: `unknown option --${name}` };
      if (raw[name] !== undefined) return { kind: 'error', message: `--${name} is given twice` };
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        // "--me --" or "--plan --out x": the next word is an option, not this option's value.
        if (value === undefined || value.startsWith('--')) return { kind: 'error', message: `--${name} needs a value` };
        i++;
      }
      if (value === '') return { kind: 'error', message: `--${name} needs a value` };
      raw[name] = value;
    } else if (arg.startsWith('-') && arg.length > 1) {
      return { kind: 'error', message: `unknown option ${arg} (options are spelled --name; use -- before a FILE whose name starts with -)` };
    } else positional.push(arg);
  }
  if (positional.length > 1) return { kind: 'error', message: `one FILE only (got ${positional.length}: ${positional.join(', ')})` };
  if (positional.length === 1) raw.file = positional[0];
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? '');
    const message = field === 'plan' ? '--plan PLAN.json is required' : field === 'file' ? 'FILE is missing' : issue.message;
    return { kind: 'error', message };
  }
  const options = parsed.data;
  for (const name of Object.keys(raw)) {
    if ((VALUED.has(name) || FLAGS.has(name)) && !ALLOWED[options.command].has(name)) return { kind: 'error', message: `--${name} does not apply to ${options.command}` };
  }
  if (options['original-encoding'] !== undefined && options.original === undefined) return { kind: 'error', message: '--original-encoding applies to the original export: give --original EXPORT.csv too' };
  if ((options.command === 'clean' || options.command === 'assign') && options.out === undefined) return { kind: 'error', message: `${options.command} needs --out OUT.csv` };
  for (const name of OUTPUTS) {
    const path = options[name];
    if (path !== undefined && /[\\/]$/.test(path)) return { kind: 'error', message: `--${name} ${path} names a folder: give a file name, such as ${path}upload.csv` };
  }
  return { kind: 'run', options };
}
