// Parse the CLI's arguments (SPEC "The CLI") into validated options; every mistake is one line.
import { z } from 'zod';

export const USAGE = `Usage:
  license-prep validate FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL]
                        [--report ERRORS.csv] [--format text|json]
  license-prep clean    FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL] --out OUT.csv
                        [--report ERRORS.csv] [--format text|json]
  license-prep summary  FILE --plan PLAN.json [--original EXPORT.csv] [--me EMAIL] [--format text|json]

Exit status: 0 no errors (warnings allowed); 1 errors found (clean then writes nothing);
2 usage error or unreadable input.`;

const optionsSchema = z.strictObject({
  command: z.enum(['validate', 'clean', 'summary'], { error: 'the command must be validate, clean or summary' }),
  file: z.string({ error: 'FILE is missing' }).min(1, { error: 'FILE is missing' }),
  plan: z.string({ error: '--plan PLAN.json is required' }).min(1),
  original: z.string().min(1).optional(),
  me: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  format: z.enum(['text', 'json'], { error: '--format must be text or json' }).default('text'),
});

export type CliOptions = z.infer<typeof optionsSchema>;
export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const VALUED = new Set(['plan', 'original', 'me', 'report', 'out', 'format']);
const ALLOWED: Record<CliOptions['command'], ReadonlySet<string>> = {
  validate: new Set(['plan', 'original', 'me', 'report', 'format']),
  clean: new Set(['plan', 'original', 'me', 'report', 'out', 'format']),
  summary: new Set(['plan', 'original', 'me', 'format']),
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command.startsWith('-')) return { kind: 'error', message: `the command (validate, clean or summary) comes first, before ${command}` };
  const raw: Record<string, string> = { command };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!VALUED.has(name)) return { kind: 'error', message: `unknown option --${name}` };
      if (raw[name] !== undefined) return { kind: 'error', message: `--${name} is given twice` };
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) return { kind: 'error', message: `--${name} needs a value` };
        i++;
      }
      if (value === '') return { kind: 'error', message: `--${name} needs a value` };
      raw[name] = value;
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
    if (VALUED.has(name) && !ALLOWED[options.command].has(name)) return { kind: 'error', message: `--${name} does not apply to ${options.command}` };
  }
  if (options.command === 'clean' && options.out === undefined) return { kind: 'error', message: 'clean needs --out OUT.csv' };
  return { kind: 'run', options };
}
