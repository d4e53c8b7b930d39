// A modal dialog on the native <dialog>: focus trap and Escape come with it. Focus goes back where the
// admin was when it closes (the element that opened it, or the step's heading when that is gone).
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { focusStepHeading } from './focus';

export function Dialog({ title, onClose, children, testId, className }: { title: string; onClose: () => void; children: ReactNode; testId?: string; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect: its cleanup runs while the dialog is still in the document, so focus can be handed back.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      const now = document.activeElement;
      const lost = now === null || now === document.body || !now.isConnected || (dialog?.contains(now) ?? false);
      if (!lost) return;
      if (opener?.isConnected) opener.focus();
      else focusStepHeading();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      data-testid={testId}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
