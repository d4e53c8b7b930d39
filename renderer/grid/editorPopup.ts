// What both cell editors need from their popup: a name for the grid's popup dialog (screen readers
// announce "New License of row 12, dialog").
import { useEffect, type RefObject } from 'react';

/** Name the grid's popup (role="dialog") that holds the editor rooted at `root`. */
export function useEditorPopupName(root: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const popup = root.current?.closest<HTMLElement>('[role="dialog"]') ?? root.current?.parentElement ?? null;
    popup?.setAttribute('aria-label', label);
  }, [root, label]);
}
