// A small Markdown reader for the project's own docs (docs/rules.md shown from Help): headings,
// paragraphs, lists, tables and code, with `code`, **bold** and *emphasis* inline. It builds data,
// not HTML, so the page renders it as text (no innerHTML anywhere).

/** A run of text; `ref` is a link to a heading of the same document (`target`: its anchor). */
export type Inline = { readonly kind: 'text' | 'code' | 'strong' | 'em'; readonly text: string } | { readonly kind: 'ref'; readonly text: string; readonly target: string };

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly inline: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly header: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'quote'; readonly inline: readonly Inline[] };

/** A heading's anchor: lower case, letters, digits and dashes ("UNKNOWN_ADDON" → "unknown_addon"). */
export const anchorOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');

/** `code`, **strong**, *em*, [text](#heading) (a reference within the document) and [text](elsewhere) (shown as its text). */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_(?![A-Za-z0-9])|\[([^\]]+)\]\(([^)]*)\)/g;
  let last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // Underscores inside words (UNKNOWN_ADDON) are not emphasis.
    if (m[4] !== undefined && m.index > 0 && /[A-Za-z0-9]/.test(text[m.index - 1])) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ kind: 'em', text: m[3] ?? m[4] });
    else if (m[6] !== undefined && m[6].startsWith('#')) out.push({ kind: 'ref', text: m[5], target: m[6].slice(1) });
    else out.push({ kind: 'text', text: m[5] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const ids = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) body.push(lines[i++]);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      const text = heading[2];
      let id = anchorOf(text) || 'section';
      const seen = ids.get(id) ?? 0;
      ids.set(id, seen + 1);
      if (seen > 0) id = `${id}-${seen}`;
      blocks.push({ kind: 'heading', level: heading[1].length, text, id });
      i++;
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1])) {
      const header = cells(line).map(parseInline);
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cells(lines[i++]).map(parseInline));
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1]);
      const items: Inline[][] = [];
      while (i < lines.length) {
        const m = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(lines[i]);
        if (m) {
          items.push(parseInline(m[2]));
          i++;
        } else if (/^\s{2,}\S/.test(lines[i]) && items.length > 0) {
          // A continuation line of the item above.
          items[items.length - 1] = [...items[items.length - 1], { kind: 'text', text: ' ' }, ...parseInline(lines[i].trim())];
          i++;
        } else break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    if (/^>\s?/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) body.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push({ kind: 'quote', inline: parseInline(body.join(' ')) });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|```|\s*\||\s*([-*+]|\d+[.)])\s|>)/.test(lines[i])) body.push(lines[i++].trim());
    blocks.push({ kind: 'paragraph', inline: parseInline(body.join(' ')) });
  }
  return blocks;
}
