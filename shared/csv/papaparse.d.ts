// The part of papaparse that shared/ uses, typed here because @types/papaparse pulls in Node's types
// (`/// <reference types="node" />`), which would let `Buffer` and `node:fs` type-check in the pure core.
// shared/tsconfig.json maps the module here; bundlers and Vitest still load the real package.

export interface ParseError {
  readonly type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  readonly code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  readonly message: string;
  readonly row?: number;
  readonly index?: number;
}

export interface ParseResult<T> {
  readonly data: T[];
  readonly errors: ParseError[];
  readonly meta: { readonly delimiter: string; readonly linebreak: string; readonly aborted: boolean; readonly cursor: number };
}

export interface ParserConfig {
  readonly delimiter?: string;
  readonly newline?: string;
  readonly quoteChar?: string;
  readonly escapeChar?: string;
}

/** papaparse's low-level tokenizer (`Papa.Parser`): no header handling, no typing of values. */
export class Parser {
  constructor(config: ParserConfig);
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParseResult<string[]>;
}

declare const Papa: { readonly Parser: typeof Parser };
export default Papa;
