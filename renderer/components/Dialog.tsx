// A modal dialog on the native <dialog>: focus trap and Escape come with it.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, children, testId, className }: { title: string; onClose: () => void; children: ReactNode; testId?: string; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      data-testid={testId}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
