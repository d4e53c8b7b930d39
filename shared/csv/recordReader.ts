// Reads the cells of one record whose span and quoting scanRecords has already checked (docs/reliability.md
// "Parsing with papaparse"): every quoted cell opens at the start of a cell and its closing quote is
// followed by the delimiter or the record's end. Within such a record there is one reading, the one
// papaparse makes, so this gives exactly papaparse's cells (table.test.ts compares the two on random
// text) without papaparse's per-record array and per-cell checks, and without making strings for the
// cells nobody asked for. Records scanRecords cannot vouch for are read by papaparse itself.

/** What a record's cells look like after read(): `count` cells, the wanted ones in `cells`. */
export class RecordReader {
  /** The cells of the last record read (wanted columns only; others hold ''). Reused: copy to keep. */
  readonly cells: string[] = [];
  /**
   * Per column of the last record read: the cell's code in its column's Interner (its distinct values
   * numbered in the order first read), or -1 (a column not interned, or one with too many values).
   */
  readonly codes: number[] = [];
  /** How many cells the last record had. */
  count = 0;
  /** Whether every cell of the last record was empty (a blank record). */
  blank = true;
  private readonly sentinel: number;
  private readonly d: number;
  /** The last search for a delimiter: from where, and where it found one (none in between). */
  private searchedFrom = 0;
  private foundAt = -1;

  /**
   * @param input the text the spans index (record endings made uniform for mixed files)
   * @param sentinel the character standing for the CR of a CRLF in `input` ('' when none)
   * @param want per column, 1 to make its cell a string; columns past its end are made only when `want` is null
   */
  constructor(
    private readonly input: string,
    private readonly delimiter: string,
    sentinel: string,
    private want: Uint8Array | null,
    /** Per column, where its values repeat (licenses, add-ons): one string for each distinct value. */
    private readonly interners: readonly (Interner | undefined)[] = [],
  ) {
    this.sentinel = sentinel === '' ? -1 : sentinel.charCodeAt(0);
    this.d = delimiter.charCodeAt(0);
  }

  /** Read the record in [start, end) of the input (end: where its record ending starts). */
  read(start: number, end: number): void {
    const { input, d, want, cells, codes } = this;
    // A CRLF made the sentinel (mixed endings) ends the record; it is never part of a cell.
    if (end > start && input.charCodeAt(end - 1) === this.sentinel) end--;
    let c = 0;
    let blank = true;
    let pos = start;
    for (;;) {
      const wanted = want === null || (c < want.length && want[c] === 1);
      let interner = wanted ? this.interners[c] : undefined;
      // A column with too many distinct values is no longer interned: its cells are not hashed either.
      if (interner !== undefined && interner.full) interner = undefined;
      let next: number;
      if (pos < end && input.charCodeAt(pos) === 34) {
        // A quoted cell: "" inside stands for one quote.
        let close = input.indexOf('"', pos + 1);
        let escaped = false;
        while (input.charCodeAt(close + 1) === 34 && close + 1 < end) {
          escaped = true;
          close = input.indexOf('"', close + 2);
        }
        if (close > pos + 1) blank = false;
        if (interner !== undefined) {
          cells[c] = escaped ? interner.intern(input.slice(pos + 1, close).replaceAll('""', '"')) : interner.at(input, pos + 1, close, hashOf(input, pos + 1, close));
          codes[c] = interner.code;
        } else {
          if (wanted) cells[c] = escaped ? input.slice(pos + 1, close).replaceAll('""', '"') : input.slice(pos + 1, close);
          codes[c] = -1;
        }
        next = close + 1;
      } else {
        // A column whose values repeat: a loop finds the delimiter and hashes the cell on the way.
        next = pos;
        if (interner !== undefined) {
          let h = 0x811c9dc5;
          for (let ch = next < end ? input.charCodeAt(next) : d; ch !== d; ch = ++next < end ? input.charCodeAt(next) : d) h = Math.imul(h ^ ch, 0x01000193);
          cells[c] = interner.at(input, pos, next, h);
          codes[c] = interner.code;
        } else {
          next = this.delimiterFrom(pos);
          if (next > end) next = end;
          if (wanted) cells[c] = input.slice(pos, next);
          codes[c] = -1;
        }
        if (next > pos) blank = false;
      }
      if (!wanted) cells[c] = '';
      c++;
      if (next >= end) break;
      pos = next + 1;
    }
    // Cells past this record's end still hold the previous record's: they are empty here.
    for (let k = c; k < this.count; k++) {
      cells[k] = '';
      codes[k] = -1;
    }
    this.count = c;
    this.blank = blank;
  }

  /**
   * The first delimiter at or after `pos` (the input's length when none). The last one found is kept:
   * in a file whose delimiters are rare (one column) a search from each cell would read to the end of
   * the file again and again.
   */
  private delimiterFrom(pos: number): number {
    if (pos < this.searchedFrom || pos > this.foundAt) {
      const at = this.input.indexOf(this.delimiter, pos);
      this.searchedFrom = pos;
      this.foundAt = at === -1 ? this.input.length : at;
    }
    return this.foundAt;
  }

  /** Every cell of the record in [start, end), as a new array (for a record that needs them all). */
  readAll(start: number, end: number): string[] {
    const want = this.want;
    this.want = null;
    try {
      this.read(start, end);
      return this.cells.slice(0, this.count);
    } finally {
      this.want = want;
    }
  }
}

/** The hash Interner.at takes: FNV-1a of the text in [from, to). */
function hashOf(input: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193);
  return h;
}

/** Past this many distinct values a column is not interned any more (its values hardly repeat). */
const POOL_SIZE = 4096;
/** Most slots of the cache of an interner tried in place. */
const SLOTS = 1024;

/**
 * One string per distinct value of a column whose values repeat, each numbered in the order first seen.
 * The text is hashed in place and the value last seen with that hash compared with it there: a value
 * seen before (a license name, a team) costs no new string. Others go through a map. A column with more
 * distinct values than the map holds is read as plain strings from then on.
 */
export class Interner {
  /** The distinct values so far, by code. */
  readonly values: string[] = [];
  /** The code of the value the last call returned, or -1 when it was not interned. */
  code = -1;
  /**
   * Codes by hash: a direct-mapped cache tried first, in place (-1: empty). It starts small and grows
   * with the distinct values (a file of thousands of columns must not cost kilobytes per column).
   */
  private slots = new Int32Array(16).fill(-1);
  private readonly pool = new Map<string, number>();
  /** Whether the column had too many distinct values: its cells are plain strings from then on (code -1). */
  full = false;

  /** The shared string for the text in [from, to) of `input`, whose FNV-1a hash is `hash`. */
  at(input: string, from: number, to: number, hash: number): string {
    if (this.full) {
      this.code = -1;
      return input.slice(from, to);
    }
    const slot = (hash ^ (hash >>> 15)) & (this.slots.length - 1);
    const cached = this.slots[slot];
    if (cached !== -1) {
      const value = this.values[cached];
      if (value.length === to - from && input.startsWith(value, from)) {
        this.code = cached;
        return value;
      }
    }
    const shared = this.intern(input.slice(from, to));
    // (The cache may have grown meanwhile: the slot is taken again.)
    if (this.code !== -1) this.slots[(hash ^ (hash >>> 15)) & (this.slots.length - 1)] = this.code;
    return shared;
  }

  /** The shared string equal to `cell`. */
  intern(cell: string): string {
    if (this.full) {
      this.code = -1;
      return cell;
    }
    let code = this.pool.get(cell);
    if (code === undefined) {
      if (this.values.length >= POOL_SIZE) {
        this.full = true;
        this.pool.clear();
        this.code = -1;
        return cell;
      }
      code = this.values.length;
      this.values.push(cell);
      this.pool.set(cell, code);
      // A cache, not the record: a bigger one starts empty and fills again from the map.
      if (this.values.length * 2 > this.slots.length && this.slots.length < SLOTS) this.slots = new Int32Array(this.slots.length * 4).fill(-1);
    }
    this.code = code;
    return this.values[code];
  }
}
