// One papaparse Parser per way of splitting records, kept for the life of the process. papaparse makes
// its `parse` method a new closure for each Parser: a new Parser per file would leave the optimized
// reading loop calling a function that is gone with the previous file, and the JIT would throw that
// loop away at every load (docs/reliability.md "Parsing with papaparse"). A Parser keeps no state
// between calls (each parse starts from its own input), so sharing one is safe.
import Papa, { type Parser } from 'papaparse';
import type { Delimiter } from './dialect';

const parsers = new Map<string, Parser>();

/** The shared Parser for records separated by `delimiter` and ending in `newline`. */
export function parserFor(delimiter: Delimiter, newline: '\r\n' | '\n' | '\r'): Parser {
  const key = delimiter + newline;
  let parser = parsers.get(key);
  if (parser === undefined) {
    parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"' });
    parsers.set(key, parser);
  }
  return parser;
}
