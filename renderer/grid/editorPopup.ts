// What both cell editors need from their popup: a name for the grid's popup dialog (screen readers
// announce "New License of row 12, dialog"), and the cell's findings, which the popup shows in place of
// the tooltip it hides.
import { useEffect, type RefObject } from 'react';

/** Name the grid's popup (role="dialog") that holds the editor rooted at `root`. */
export function useEditorPopupName(root: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const popup = root.current?.closest<HTMLElement>('[role="dialog"]') ?? root.current?.parentElement ?? null;
    popup?.setAttribute('aria-label', label);
  }, [root, label]);
}

/** The findings of the edited cell as its accessible description says them (grid/findingCell.ts), or null. */
export function findingsOfEditedCell(cell: HTMLElement | undefined): string | null {
  const id = cell?.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
