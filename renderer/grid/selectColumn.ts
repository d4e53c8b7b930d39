// The check box column: selection lives in the store (one byte per row), so the box of each
// row on screen reads it there and a click goes to the store's selection action.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { selectRow } from '../store/actions';
import { appStore } from '../store/appStore';
import { isSelected } from '../store/selection';
import type { GridRow } from './gridRow';

export class SelectCellRenderer implements ICellRendererComp<GridRow> {
  private box!: HTMLInputElement;
  private row = -1;

  init(params: ICellRendererParams<GridRow>): void {
    this.box = document.createElement('input');
    this.box.type = 'checkbox';
    this.box.className = 'row-check';
    this.box.tabIndex = -1;
    // The grid must not treat this click as a click on the row (that would select it alone).
    this.box.addEventListener('click', (event) => {
      event.stopPropagation();
      if (this.row >= 0) selectRow(this.row, event.shiftKey ? 'range' : 'toggle');
    });
    this.update(params);
  }

  getGui(): HTMLElement {
    return this.box;
  }

  refresh(params: ICellRendererParams<GridRow>): boolean {
    this.update(params);
    return true;
  }

  private update(params: ICellRendererParams<GridRow>): void {
    this.row = params.data?.i ?? -1;
    this.box.checked = this.row >= 0 && isSelected(appStore.getState().selection, this.row);
    const session = appStore.getState().open?.session;
    this.box.setAttribute('aria-label', session && this.row >= 0 ? `Select row ${session.rowNumber(this.row)}` : 'Select row');
  }
}
