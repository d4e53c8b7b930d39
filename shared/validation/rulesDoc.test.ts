// The rules reference (docs/rules.md) keeps up with the codes: every code of SEVERITY has its own
// "## CODE" section stating its severity, in code order, and the documents name no code that does not
// exist. Adding a finding code therefore touches shared/validation and the rules reference only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_ORDER, SEVERITY, type FindingCode } from './codes';

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), 'utf8');

interface Section {
  readonly heading: string;
  readonly body: string;
}

/** The level-2 sections of a Markdown text (headings inside fenced code blocks are not headings). */
function sectionsOf(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (current) sections.push({ heading: current.heading, body: current.lines.join('\n') });
      current = { heading: heading[1].replace(/`/g, '').trim(), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) sections.push({ heading: current.heading, body: current.lines.join('\n') });
  return sections;
}

/** Words written like a finding code: upper case with at least one underscore (NO_USER_KEY). */
const codeLike = (text: string): string[] => text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [];

/** The severity a section states: "Severity: error", "**Severity:** warning", "severity — error"… */
const statedSeverity = (body: string): string | null => /\bseverity\b[^a-z]{0,20}\b(error|warning)\b/i.exec(body)?.[1].toLowerCase() ?? null;

const rules = read('rules.md');
const sections = sectionsOf(rules);
const codeSections = sections.filter((s) => s.heading in SEVERITY);

describe('docs/rules.md, the rules reference', () => {
  it.each(CODE_ORDER.map((code) => [code, SEVERITY[code]] as const))('has one "## %s" section that states its severity (%s)', (code, severity) => {
    const own = sections.filter((s) => s.heading === code);
    expect(own, `docs/rules.md needs exactly one "## ${code}" section`).toHaveLength(1);
    expect(statedSeverity(own[0].body), `the "## ${code}" section must say "Severity: ${severity}"`).toBe(severity);
  });

  it('lists the code sections in code order: errors first, as reports group findings', () => {
    expect(codeSections.map((s) => s.heading as FindingCode)).toEqual(CODE_ORDER);
  });

  it.each(['rules.md', 'formats.md'])('docs/%s names no finding code that does not exist', (name) => {
    const unknown = [...new Set(codeLike(read(name)))].filter((word) => !(word in SEVERITY));
    expect(unknown, `not codes of SEVERITY (shared/validation/codes.ts)`).toEqual([]);
  });

  it('recognises a code section, its severity and a stray code (the checks above can fail)', () => {
    const sample = sectionsOf('# T\n\n## `NO_USER_KEY`\n\n**Severity:** error · more\n\n```\n## NOT_A_HEADING\n```\n\n## Other\nSee SEATS_EXCEEDED and MADE_UP.\n');
    expect(sample.map((s) => s.heading)).toEqual(['NO_USER_KEY', 'Other']);
    expect(statedSeverity(sample[0].body)).toBe('error');
    expect(statedSeverity('Severity: warning')).toBe('warning');
    expect(statedSeverity('No severity stated here.')).toBeNull();
    expect(codeLike(sample[1].body).filter((w) => !(w in SEVERITY))).toEqual(['MADE_UP']);
  });
});
