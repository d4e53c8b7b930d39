// A grid row is only an index into the session: the cells are read from the session on render.
export interface GridRow {
  readonly i: number;
}

export const rowIdOf = (row: GridRow): string => String(row.i);
