// A cell of the export in the grid: its text, and — when it is marked — its findings as the cell's
// accessible description, so a screen reader says why a cell is red, not only that it is.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from './gridRow';

export interface FindingCellParams {
  /** The findings of row `r`'s cell in words ("Error: …"), or undefined when the cell has none. */
  readonly describe: (r: number) => string | undefined;
}

let nextId = 0;

/**
 * The descriptions live outside the cells, in one hidden element: a cell's text stays its value (what it
 * says, copies and compares as), and aria-describedby reads hidden text all the same.
 */
let shelf: HTMLElement | null = null;
function descriptionShelf(): HTMLElement {
  if (shelf === null || !shelf.isConnected) {
    shelf = document.createElement('div');
    shelf.hidden = true;
    shelf.dataset.testid = 'cell-descriptions';
    document.body.appendChild(shelf);
  }
  return shelf;
}

export class FindingCellRenderer implements ICellRendererComp<GridRow> {
  private gui!: HTMLSpanElement;
  private text!: Text;
  private cell: HTMLElement | null = null;
  private description: HTMLSpanElement | null = null;
  private readonly id = `cell-finding-${++nextId}`;

  init(params: ICellRendererParams<GridRow> & FindingCellParams): void {
    this.gui = document.createElement('span');
    this.gui.className = 'cell-text';
    this.text = document.createTextNode('');
    this.gui.appendChild(this.text);
    this.update(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow> & FindingCellParams): boolean {
    this.update(params);
    return true;
  }

  destroy(): void {
    this.description?.remove();
    this.description = null;
    if (this.cell?.getAttribute('aria-describedby') === this.id) this.cell.removeAttribute('aria-describedby');
  }

  private update(params: ICellRendererParams<GridRow> & FindingCellParams): void {
    this.text.data = params.value == null ? '' : String(params.value);
    const described = params.data ? params.describe(params.data.i) : undefined;
    const cell = params.eGridCell;
    this.cell = cell;
    if (described === undefined) {
      this.description?.remove();
      this.description = null;
      if (cell.getAttribute('aria-describedby') === this.id) cell.removeAttribute('aria-describedby');
      return;
    }
    if (this.description === null) {
      this.description = document.createElement('span');
      this.description.id = this.id;
      descriptionShelf().appendChild(this.description);
    }
    this.description.textContent = described;
    cell.setAttribute('aria-describedby', this.id);
  }
}
