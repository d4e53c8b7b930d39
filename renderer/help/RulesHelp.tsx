// Help > The Migration Rules: the project's rules reference (docs/rules.md), shown inside the app as
// text (the app opens nothing outside itself), with its sections listed and a filter by word.
import { useMemo, useRef, useState } from 'react';
import rulesText from '../../docs/rules.md?raw';
import { Dialog } from '../components/Dialog';
import { Markdown } from './Markdown';
import { parseMarkdown, type Block } from './markdown';

// The document's own title is the dialog's.
const ALL = parseMarkdown(rulesText).filter((b) => !(b.kind === 'heading' && b.level === 1));

/** The sections (a level-2 heading and what follows it) whose text holds every word of `query`. */
function filterSections(blocks: readonly Block[], query: string): Block[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...blocks];
  const out: Block[] = [];
  let section: Block[] = [];
  const flush = (): void => {
    const text = JSON.stringify(section).toLowerCase();
    if (section.length > 0 && words.every((w) => text.includes(w))) out.push(...section);
    section = [];
  };
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level <= 2) flush();
    section.push(block);
  }
  flush();
  return out;
}

export function RulesHelp({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const body = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => filterSections(ALL, query), [query]);
  const contents = shown.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  const jump = (id: string): void => {
    const target = body.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  };
  return (
    <Dialog title="The Migration Rules" onClose={onClose} testId="rules-help" className="help-dialog">
      <div className="help-tools">
        <label className="help-search">
          <span>Find a rule</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="a code or a word, e.g. LOSES_ADDON or seats" data-testid="rules-search" />
        </label>
        <nav aria-label="Rules sections" className="help-contents">
          {contents.map((h) => (
            <button key={h.id} type="button" className="link-button" onClick={() => jump(h.id)}>
              {h.text}
            </button>
          ))}
        </nav>
      </div>
      <div className="help-body" ref={body} data-testid="rules-body" tabIndex={0} role="document" aria-label="The migration rules">
        {shown.length === 0 ? <p className="empty-note">No section mentions “{query}”.</p> : <Markdown blocks={shown} onJump={(id) => (setQuery(''), requestAnimationFrame(() => jump(id)))} />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-testid="rules-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
