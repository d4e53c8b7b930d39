// The license-prep CLI (SPEC "The CLI"): the same core as the app, headless. Exit 0 valid,
// 1 errors found (clean writes nothing), 2 usage error or unreadable input (one line on stderr).
import {
  cleanFile,
  createSession,
  describeFinding,
  findingsReport,
  loadExport,
  parsePlanText,
  summaryText,
  transitions,
  validationJson,
  validationText,
  type LoadedExport,
} from '../../shared/index';

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
import { parseArgs, USAGE, type CliOptions } from './args';
import { outputProblem, type NamedPath } from '../files/writeTarget';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** An expected failure that ends the run with status 2 and one line on stderr. */
class UsageFailure extends Error {}

const describeIoError = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message ?? String(e);
};

async function read(io: CliIo, path: string, what: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    throw new UsageFailure(`cannot read ${what} ${path}: ${describeIoError(e)}`);
  }
}

async function loadCsv(io: CliIo, path: string, what: string): Promise<LoadedExport> {
  const loaded = loadExport(await read(io, path, what));
  if (!loaded.ok) throw new UsageFailure(`cannot use ${what} ${path}: ${loaded.error.reason}`);
  return loaded.value;
}

async function write(io: CliIo, path: string, bytes: Uint8Array, what: string): Promise<void> {
  try {
    await io.writeFile(path, bytes);
  } catch (e) {
    throw new UsageFailure(`cannot write ${what} ${path}: ${(e as Error).message}`);
  }
}

/**
 * Never write over an input (the export, the original, the plan — compared by device and inode as well as
 * by path, so a hard link or a bind mount is caught), two outputs to one file, or a path that must not be
 * replaced (a device, a FIFO, a read-only file): electron/files/writeTarget.ts.
 */
async function refuseOverwrites(options: CliOptions): Promise<void> {
  const inputs: NamedPath[] = [{ label: 'the file', path: options.file }, { label: 'the plan', path: options.plan }];
  if (options.original !== undefined) inputs.push({ label: 'the original export', path: options.original });
  const outputs: NamedPath[] = [];
  if (options.out !== undefined) outputs.push({ label: '--out', path: options.out });
  if (options.report !== undefined) outputs.push({ label: '--report', path: options.report });
  const problem = await outputProblem(inputs, outputs);
  if (problem !== null) throw new UsageFailure(problem);
}

async function execute(options: CliOptions, io: CliIo): Promise<number> {
  const planText = new TextDecoder('utf-8').decode(await read(io, options.plan, 'the plan'));
  const plan = parsePlanText(planText);
  if (!plan.ok) throw new UsageFailure(`the plan ${options.plan} is not valid: ${plan.error.join('; ')}`);
  const file = await loadCsv(io, options.file, 'the file');
  const original = options.original !== undefined ? await loadCsv(io, options.original, 'the original export') : null;
  if (original !== null) {
    // Comparing with an original that has no users or no Email would call every user new.
    const unusable = original.fileFindings.find((f) => f.code === 'EMPTY_FILE' || (f.code === 'MISSING_COLUMN' && f.column === 'Email'));
    if (unusable) throw new UsageFailure(`cannot use the original export ${options.original}: ${describeFinding(unusable).message}`);
  }
  await refuseOverwrites(options);

  const session = createSession(file, plan.value, { original, me: options.me ?? null });
  const findings = session.allFindings();
  const seats = session.seatUsage();
  const result = validationJson(findings, seats);
  const name = options.file.split(/[\\/]/).pop() ?? options.file;

  if (options.command === 'summary') {
    io.stdout(options.format === 'json' ? JSON.stringify({ ...result, transitions: transitions(session) }) + '\n' : summaryText(name, session));
    return result.valid ? 0 : 1;
  }
  if (options.report !== undefined) await write(io, options.report, findingsReport(findings), 'the report');
  io.stdout(options.format === 'json' ? JSON.stringify(result) + '\n' : validationText(name, session.rowCount, findings, seats) + '\n');
  if (!result.valid) {
    if (options.command === 'clean') io.stderr(`license-prep: ${plural(result.findings.filter((f) => f.severity === 'error').length, 'error')} found: nothing was written to ${options.out}\n`);
    return 1;
  }
  if (options.command === 'clean') {
    const clean = cleanFile(session);
    await write(io, options.out!, clean.bytes, 'the clean file');
    if (options.format === 'text') io.stdout(`Wrote ${options.out}: ${plural(session.rowCount, 'user')}, ${plural(clean.changedRows, 'row')} rewritten${clean.identical ? ' (identical to the input)' : ''}.\n`);
  }
  return 0;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`license-prep: ${parsed.message} (license-prep --help for usage)\n`);
    return 2;
  }
  try {
    return await execute(parsed.options, io);
  } catch (e) {
    if (e instanceof UsageFailure) {
      io.stderr(`license-prep: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
