// The repository stands alone (docs/architecture.md "Tests"): no file cites a document kept outside it or a
// path above its root, and every section of docs/*.md (or README.md) that a file cites is a heading there.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));


/** Folders never scanned when git cannot list the files (the ones .gitignore names). */
const UNTRACKED_DIRS = new Set(['node_modules', 'dist', 'release', '.tsbuild', 'test-results', 'playwright-report', 'screenshots', 'bench-out', '.vite', '.git']);
const BINARY = /\.(png|ico|icns|jpe?g|gif|xlsx|xls|pdf|zip|gz|woff2?|ttf)$/i;

/** The files of the repository, as git sees them (tracked, plus new files not ignored); a walk when git is missing. */
function repositoryFiles(): string[] {
  let listed: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    listed = out.split('\0').filter((f) => f !== '');
  } catch {
    listed = walk('');
  }
  return [...new Set(listed)].filter((f) => f !== 'package-lock.json' && !f.split('/').some((part) => UNTRACKED_DIRS.has(part))).sort();
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(ROOT + dir, { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!UNTRACKED_DIRS.has(entry.name)) out.push(...walk(path));
    } else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The text of a repository file, or null for a binary file or something that is not a file (a symlinked folder). */
function textOf(path: string): string | null {
  if (BINARY.test(path)) return null;
  try {
    if (!statSync(ROOT + path).isFile()) return null;
    const text = readFileSync(ROOT + path, 'utf8');
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

// The names of the outside documents are assembled here so this file does not cite them itself.
const KIT = ['SP' + 'EC', 'RELIA' + 'BILITY', 'STY' + 'LE'];
const OUTSIDE_DOCUMENT = new RegExp(`\\b(?:${KIT.join('|')})(?:\\.md)?\\b`);
/** The team kit's folders, wherever they are written from. */
const KIT_FOLDER = new RegExp(`\\bshared[\\\\/](?:${['docs', 'seed', 'fixtures'].join('|')})\\b`);
/** A reason given as an issue number (and item) of the tracker, instead of the docs or the reason itself. */
const ISSUE = new RegExp(`\\b${'iss' + 'ues?'} \\d`, 'i');
/** A relative path that starts here (not inside a URL or a longer path): `..` segments and what follows. */
const RELATIVE = /(?<![\w./\\-])((?:\.\.[/\\])+[^\s'"`)\]>,;]*|\.\.(?=['"`]))/g;

/** Relative paths in `text` that lead above the repository root from the folder of `path`. Globs are patterns, not paths. */
function pathsAboveRoot(path: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(RELATIVE)) {
    const token = match[1];
    if (token.includes('*')) continue;
    const resolved = posix.normalize(posix.join(posix.dirname(path), token.replace(/\\/g, '/')));
    if (resolved === '..' || resolved.startsWith('../')) found.push(token);
  }
  return found;
}

/** Why `text` (the file at `path`) makes the repository depend on something outside it; empty when it does not. */
function outsideCitations(path: string, text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `${path}:${i + 1}`;
    if (!path.startsWith('docs/')) {
      const doc = OUTSIDE_DOCUMENT.exec(line);
      if (doc) problems.push(`${at} cites ${doc[0]}, a document outside the repository: cite docs/*.md instead`);
      const issue = ISSUE.exec(line);
      if (issue) problems.push(`${at} cites "${issue[0]}…" from the issue tracker: cite docs/*.md or say the reason`);
    }
    const kit = KIT_FOLDER.exec(line);
    if (kit) problems.push(`${at} names ${kit[0]}, a folder outside the repository`);
    for (const token of pathsAboveRoot(path, line)) problems.push(`${at} names ${token}, a path above the repository root`);
  });
  return problems;
}

/** The headings of a Markdown text (not inside fenced code), without inline-code backticks. */
function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) headings.push(heading[1].replace(/`/g, '').trim());
  }
  return headings;
}

/** A heading's link anchor, as GitHub (and the app's Help reader) make it. */
const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9_\s-]/g, '')
    .trim()
    .replace(/\s/g, '-');

/** `docs/rules.md "Seats"`, `docs/reliability.md "Sniffing", "Encodings"`, `README.md "Packaging"`: the document and its quoted sections. */
const SECTION_CITATION = /\b(docs\/[\w-]+\.md|README(?:\.md)?),?((?:\s*(?:,|and)?\s*"[^"\n]+")+)/g;
/** A Markdown link to a heading: `[text](docs/formats.md#limits)`, `[text](#seats)`. */
const ANCHOR_LINK = /\]\(([^)\s#]*)#([^)\s]+)\)/g;

/** Cited sections and linked anchors in `text` that are not headings of the document they name. */
function brokenSections(path: string, text: string, headings: (doc: string) => string[] | null): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(SECTION_CITATION)) {
    const doc = match[1].startsWith('README') ? 'README.md' : match[1];
    const known = headings(doc);
    if (known === null) {
      problems.push(`${path} cites ${doc}, which does not exist`);
      continue;
    }
    for (const [, section] of match[2].matchAll(/"([^"\n]+)"/g)) {
      // A README section may be cited by the start of its heading ("Files" for "Files: what is written…");
      // a section of docs/ is cited by its whole heading.
      const found = doc === 'README.md' ? known.some((h) => h.startsWith(section) && !/[\p{L}\p{N}]/u.test(h.charAt(section.length))) : known.includes(section);
      if (!found) problems.push(`${path} cites ${doc} "${section}", which is not a heading there`);
    }
  }
  if (path.endsWith('.md')) {
    for (const [, target, anchor] of text.matchAll(ANCHOR_LINK)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const doc = target === '' ? path : posix.normalize(posix.join(posix.dirname(path), target));
      const known = headings(doc);
      if (known === null) problems.push(`${path} links to ${doc}, which does not exist`);
      else if (!known.map(anchorOf).includes(anchor)) problems.push(`${path} links to ${doc}#${anchor}, which is no heading there`);
    }
  }
  return problems;
}

const files = repositoryFiles();
const texts = new Map<string, string>();
for (const file of files) {
  const text = textOf(file);
  if (text !== null) texts.set(file, text);
}
const headingCache = new Map<string, string[] | null>();
const repositoryHeadings = (doc: string): string[] | null => {
  if (!headingCache.has(doc)) {
    const text = texts.get(doc) ?? null;
    headingCache.set(doc, text === null || !doc.endsWith('.md') ? null : headingsOf(text));
  }
  return headingCache.get(doc)!;
};

describe('the repository stands alone', () => {
  it('scans the files git lists, this one and the docs included', () => {
    expect(texts.has('shared/validation/standsAlone.test.ts')).toBe(true);
    expect(texts.has('docs/architecture.md') && texts.has('docs/reliability.md') && texts.has('README.md')).toBe(true);
    expect(texts.size).toBeGreaterThan(150);
  });

  it('no file cites a document or a path outside the repository', () => {
    const problems = [...texts].flatMap(([file, text]) => outsideCitations(file, text));
    expect(problems).toEqual([]);
  });


  it('every cited section of docs/*.md and README.md, and every link to a heading, names a heading that exists', () => {
    const problems = [...texts].flatMap(([file, text]) => brokenSections(file, text, repositoryHeadings));
    expect(problems).toEqual([]);
  });
});

describe('the checks above can fail', () => {
  const up = (n: number, rest: string): string => `${Array(n).fill('..').join('/')}/${rest}`;

  it('flags the outside documents, the team kit, issue numbers and paths above the root', () => {
    expect(outsideCitations('electron/x.ts', `// as ${KIT[0]} "The CLI" says`)).toHaveLength(1);
    expect(outsideCitations('shared/x.ts', `// ${KIT[1]}.md: writing files`)).toHaveLength(1);
    expect(outsideCitations('x.ts', `// see ${KIT[2]}.md "IPC"`)).toHaveLength(1);
    expect(outsideCitations('renderer/x.tsx', `// Step 3 (${'iss' + 'ue'} 4, item 3)`)).toHaveLength(1);
    expect(outsideCitations('README.md', `see \`${up(1, 'shared/' + 'docs/x.md')}\``)).toHaveLength(2);
    expect(outsideCitations('e2e/browser/h.ts', `readFileSync('${up(3, 'data/x.csv')}')`)).toHaveLength(1);
    expect(outsideCitations('docs/x.md', `[x](${up(2, 'notes.md')})`)).toHaveLength(1);
    expect(outsideCitations('scripts/x.mjs', `join(here, '${up(1, '')}..')`)).toHaveLength(1);
  });

  it('leaves alone what stays inside: imports within the repository, URLs, globs, words that only look alike', () => {
    expect(outsideCitations('electron/main/autosave/p.ts', `import { j } from '${up(3, 'shared/migration/journal')}';`)).toEqual([]);
    expect(outsideCitations('e2e/browser/h.ts', `path.resolve(here, '${up(1, '')}..')`)).toEqual([]);
    expect(outsideCitations('electron/main/t.test.ts', `'app://renderer/${up(3, 'etc/passwd')}'`)).toEqual([]);
    expect(outsideCitations('eslint.config.js', `{ group: ['${up(1, 'main/*')}'] }`)).toEqual([]);
    expect(outsideCitations('x.ts', '// a spec, the specification, SPECIAL_CASE, csv-spectrum issues #20 and #22')).toEqual([]);
    expect(outsideCitations('docs/x.md', `${KIT[0]} is named in docs/ without harm`)).toEqual([]);
  });

  it('flags a cited section or a linked anchor that is not a heading', () => {
    // Document names put together, so this file cites no document that does not exist.
    const a = ['docs', 'a.md'].join('/');
    const b = ['docs', 'b.md'].join('/');
    const docs = (doc: string) => (doc === a ? headingsOf('# A\n\n## The CLI\n\n### `sep=` lines\n\n```\n## Not a heading\n```\n') : doc === 'README.md' ? ['Files: what is written', 'Linux installs that start', 'Security'] : null);
    expect(brokenSections('x.ts', `// (${a} "The CLI"), README "Files", README.md "Security", README "Linux installs"`, docs)).toEqual([]);
    expect(brokenSections('x.ts', `// ${a} "The CLI", "sep= lines"`, docs)).toEqual([]);
    expect(brokenSections('x.ts', `// ${a} "The CLI", "Not a heading"`, docs)).toHaveLength(1);
    expect(brokenSections('x.ts', `// ${b} "Anything"`, docs)).toHaveLength(1);
    const readme = ['READ', 'ME'].join('');
    expect(brokenSections('x.ts', `// ${readme} "Packaging", ${readme} "Secure"`, docs)).toHaveLength(2);
    expect(brokenSections(b, '[the CLI](a.md#the-cli), [x](a.md#sep-lines), [y](https://example.com/#z)', docs)).toEqual([]);
    expect(brokenSections(b, '[missing](a.md#the-gui)', docs)).toHaveLength(1);
    expect(brokenSections('README.md', `[rules](${a}#the-cli) [self](#security) [gone](#packaging)`, docs)).toHaveLength(1);
  });
});
