import { describe, expect, it } from 'vitest';
import { anchorOf, parseInline, parseMarkdown } from './markdown';

describe('reading the project’s Markdown docs as data (never as HTML)', () => {
  it('reads headings with anchors, paragraphs, lists, tables and code', () => {
    const blocks = parseMarkdown(['# Rules', '', 'Every **user** needs a `New License`.', 'Second line.', '', '- one', '- two', '  continued', '', '| code | severity |', '| --- | --- |', '| `UNKNOWN_ADDON` | error |', '', '```', 'a | b', '```', '## Rules'].join('\n'));
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Rules', id: 'rules' },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'Every ' }, { kind: 'strong', text: 'user' }, { kind: 'text', text: ' needs a ' }, { kind: 'code', text: 'New License' }, { kind: 'text', text: '. Second line.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }, { kind: 'text', text: ' ' }, { kind: 'text', text: 'continued' }]] },
      { kind: 'table', header: [[{ kind: 'text', text: 'code' }], [{ kind: 'text', text: 'severity' }]], rows: [[[{ kind: 'code', text: 'UNKNOWN_ADDON' }], [{ kind: 'text', text: 'error' }]]] },
      { kind: 'code', text: 'a | b' },
      { kind: 'heading', level: 2, text: 'Rules', id: 'rules-1' },
    ]);
  });

  it('keeps underscores inside codes and markup-looking text as text', () => {
    expect(parseInline('UNKNOWN_ADDON and DUPLICATE_USER')).toEqual([{ kind: 'text', text: 'UNKNOWN_ADDON and DUPLICATE_USER' }]);
    expect(parseInline('<img src=x onerror=alert(1)> [link](http://evil)')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> ' }, { kind: 'text', text: 'link' }]);
    expect(parseInline('see [LOSES_ADDON](#loses_addon)')).toEqual([{ kind: 'text', text: 'see ' }, { kind: 'ref', text: 'LOSES_ADDON', target: 'loses_addon' }]);
    expect(anchorOf('LOCKED_COLUMN_CHANGED')).toBe('locked_column_changed');
  });
});
