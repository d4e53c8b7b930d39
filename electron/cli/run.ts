// The license-prep CLI (docs/formats.md "The CLI"): the same core as the app, headless. Exit 0 valid,
// 1 errors found (clean writes nothing), 2 usage error, unreadable input or a refused output path.
import {
  cleanFile,
  createSession,
  findingsReport,
  loadExport,
  mappingChanges,
  MAX_EXPORT_BYTES,
  MAX_PLAN_BYTES,
  originalProblem,
  parsePlanText,
  placedFindings,
  resolveEncoding,
  summaryText,
  transitions,
  validationJsonChunks,
  validationText,
  type ColumnChoice,
  type LoadedExport,
} from '../../shared/index';
import { parseArgs, USAGE, type CliOptions } from './args';
import { jsonSafe, terminalSafe } from './terminal';
import { outputProblem, type NamedPath } from '../files/writeTarget';

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export interface CliIo {
  /** Standard output; a promise when the reader is slower than we write (then we wait for it). */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** The file's bytes; throws an error with code ETOOBIG past `maxBytes` (without reading more than that). */
  readonly readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  readonly writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** An expected failure that ends the run with status 2 and one line on stderr. */
class UsageFailure extends Error {}

const describeIoError = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ETOOBIG') return (e as Error).message;
  return (e as Error).message ?? String(e);
};

async function read(io: CliIo, path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await io.readFile(path, maxBytes);
  } catch (e) {
    throw new UsageFailure(`cannot read ${what} ${path}: ${describeIoError(e)}`);
  }
}

/** Read a CSV; `columns`: the plan's remembered column choices (the one for this file's header applies). */
async function loadCsv(io: CliIo, path: string, what: 'the file' | 'the original export', encoding?: string, columns?: readonly ColumnChoice[]): Promise<LoadedExport> {
  const option = what === 'the file' ? '--encoding' : '--original-encoding';
  if (encoding !== undefined && resolveEncoding(encoding) === null) {
    throw new UsageFailure(`${option} ${encoding} is not an encoding this program knows (use a WHATWG label such as windows-1252, iso-8859-2, shift_jis, gb18030, big5, euc-kr, utf-16le)`);
  }
  const bytes = await read(io, path, what, MAX_EXPORT_BYTES);
  const loaded = loadExport(bytes, { ...(encoding === undefined ? {} : { encoding }), columns });
  if (!loaded.ok) {
    const { reason, code, encodings } = loaded.error;
    // Unsure of a legacy encoding: name the likely ones as values of the option for this file (never read names wrong with exit 0).
    const choose = code === 'encodingUnsure' || (code === 'damaged' && encoding !== undefined);
    const labels = (encodings ?? []).slice(0, 3).map((c) => c.encoding);
    const hint = choose ? `; run again with ${option} NAME${labels.length > 0 ? ` (likely: ${labels.join(', ')})` : ''}` : '';
    throw new UsageFailure(`cannot use ${what} ${path}: ${reason}${hint}`);
  }
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

/** Write chunks to stdout in pieces of about 64 KiB, waiting for a slow reader. */
async function emit(io: CliIo, chunks: Iterable<string>, safe: (text: string) => string): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 65536) {
      await io.stdout(safe(buffer));
      buffer = '';
    }
  }
  if (buffer !== '') await io.stdout(safe(buffer));
}

async function execute(options: CliOptions, io: CliIo): Promise<number> {
  const planBytes = await read(io, options.plan, 'the plan', MAX_PLAN_BYTES);
  const plan = parsePlanText(new TextDecoder('utf-8').decode(planBytes));
  if (!plan.ok) throw new UsageFailure(`the plan ${options.plan} is not valid: ${plan.error.join('; ')}`);
  const file = await loadCsv(io, options.file, 'the file', options.encoding, plan.value.columns);
  const original = options.original !== undefined ? await loadCsv(io, options.original, 'the original export', options['original-encoding'], plan.value.columns) : null;
  if (original !== null) {
    const problem = originalProblem(original);
    if (problem !== null) throw new UsageFailure(`cannot use the original export ${options.original}: ${problem}`);
  }
  await refuseOverwrites(options);

  const session = createSession(file, plan.value, { original, me: options.me ?? null });
  let assigned = 0;
  if (options.command === 'assign') {
    const mapping = plan.value.mapping;
    if (mapping === undefined || mapping.licenses.length === 0) {
      throw new UsageFailure(`the plan ${options.plan} has no mapping: add "mapping" to it (docs/formats.md), or map current licenses in the app and export the plan`);
    }
    assigned = session.applyChanges(mappingChanges(session, mapping, { overwrite: options.overwrite === 'true' })).rows.length;
  }
  const name = options.file.split(/[\\/]/).pop() ?? options.file;
  const json = options.format === 'json';
  const valid = session.valid;

  if (options.command === 'summary') {
    if (json) await emit(io, validationJsonChunks(session, { transitions: transitions(session) }), jsonSafe);
    else await emit(io, [summaryText(name, session)], terminalSafe);
    return valid ? 0 : 1;
  }
  if (options.report !== undefined) await write(io, options.report, findingsReport(placedFindings(session)), 'the report');
  if (json) await emit(io, validationJsonChunks(session), jsonSafe);
  else await emit(io, [validationText(name, session), '\n'], terminalSafe);
  const writes = options.command === 'clean' || options.command === 'assign';
  if (!valid) {
    if (writes) io.stderr(terminalSafe(`license-prep: ${plural(session.counts().errors, 'error')} found: nothing was written to ${options.out}\n`));
    return 1;
  }
  if (writes) {
    const clean = cleanFile(session);
    await write(io, options.out!, clean.bytes, 'the clean file');
    const filled = options.command === 'assign' ? ` (${plural(assigned, 'row')} filled from the mapping)` : '';
    if (!json) await io.stdout(terminalSafe(`Wrote ${options.out}: ${plural(session.rowCount, 'user')}, ${plural(clean.changedRows, 'row')} rewritten${clean.identical ? ' (identical to the input)' : ''}${filled}.\n`));
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
    io.stderr(terminalSafe(`license-prep: ${parsed.message} (license-prep --help for usage)\n`));
    return 2;
  }
  try {
    return await execute(parsed.options, io);
  } catch (e) {
    if (e instanceof UsageFailure) {
      io.stderr(terminalSafe(`license-prep: ${e.message}\n`));
      return 2;
    }
    throw e;
  }
}
