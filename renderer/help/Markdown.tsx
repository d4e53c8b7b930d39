// Render parsed Markdown (markdown.ts) as React elements: text only, so nothing in a doc can run.
import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown';

/** Jump to a heading of the document by its anchor. */
type Jump = (id: string) => void;

function inline(parts: readonly Inline[], jump?: Jump): ReactNode[] {
  return parts.map((part, i) => {
    if (part.kind === 'ref') {
      return jump ? (
        <button key={i} type="button" className="link-button" onClick={() => jump(part.target)}>
          {part.text}
        </button>
      ) : (
        <span key={i}>{part.text}</span>
      );
    }
    if (part.kind === 'code') return <code key={i}>{part.text}</code>;
    if (part.kind === 'strong') return <strong key={i}>{part.text}</strong>;
    if (part.kind === 'em') return <em key={i}>{part.text}</em>;
    return <span key={i}>{part.text}</span>;
  });
}

export function Markdown({ blocks, onJump }: { blocks: readonly Block[]; onJump?: Jump }) {
  const line = (parts: readonly Inline[]): ReactNode[] => inline(parts, onJump);
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading': {
            // The page has its own h1; a document's headings sit below it.
            const level = Math.min(6, block.level + 1);
            const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
            return (
              <Tag key={i} id={block.id} tabIndex={-1}>
                {block.text}
              </Tag>
            );
          }
          case 'paragraph':
            return <p key={i}>{line(block.inline)}</p>;
          case 'quote':
            return <blockquote key={i}>{line(block.inline)}</blockquote>;
          case 'code':
            return (
              <pre key={i}>
                <code>{block.text}</code>
              </pre>
            );
          case 'list': {
            const items = block.items.map((item, k) => <li key={k}>{line(item)}</li>);
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'table':
            return (
              <div key={i} className="doc-table" role="region" aria-label="table" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      {block.header.map((cell, k) => (
                        <th key={k} scope="col">
                          {line(cell)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, k) => (
                          <td key={k}>{line(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          default: {
            const never: never = block;
            return never;
          }
        }
      })}
    </>
  );
}
