// Questions in the app's own dialog (the browser's confirm() is modal to the whole window, unstyled,
// and unreachable in tests of the desktop app): ask() resolves with the chosen id, or null when the
// admin cancels. One question at a time: a new one cancels the one still open.
import { appStore, type Question } from './appStore';

let pending: ((answer: string | null) => void) | null = null;

export function ask(question: Question): Promise<string | null> {
  pending?.(null);
  return new Promise((resolve) => {
    pending = resolve;
    appStore.setState({ question });
  });
}

/** The dialog's answer: a choice id, or null (Cancel, Escape). */
export function answer(choice: string | null): void {
  const resolve = pending;
  pending = null;
  appStore.setState({ question: null });
  resolve?.(choice);
}

/** A yes/no question: true when the admin chose `confirmLabel`. */
export async function confirmAction(question: { title: string; body: readonly string[]; confirmLabel: string; danger?: boolean; testId?: string }): Promise<boolean> {
  const choice = await ask({ title: question.title, body: question.body, choices: [{ id: 'yes', label: question.confirmLabel, tone: question.danger ? 'danger' : 'primary' }], cancelLabel: 'Cancel', testId: question.testId ?? 'confirm-dialog' });
  return choice === 'yes';
}
