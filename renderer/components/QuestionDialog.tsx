// The app's own confirm (never the browser's confirm()): the question the store asks (store/questions.ts),
// its choices as buttons, Cancel or Escape answering null.
import { useEffect, useRef } from 'react';
import type { Question } from '../store/appStore';
import { answer } from '../store/questions';
import { useApp } from '../store/useApp';
import { Dialog } from './Dialog';

function Asking({ question }: { question: Question }) {
  // Enter does the first choice, unless it destroys something: then Cancel has the focus.
  const careful = question.choices[0]?.tone === 'danger';
  const first = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // After the dialog opened (its layout effect): showModal alone would focus the first button in the DOM.
  useEffect(() => {
    (careful ? cancel : first).current?.focus();
  }, [careful]);
  return (
    <Dialog title={question.title} onClose={() => answer(null)} testId={question.testId ?? 'question-dialog'} className="question-dialog">
      {question.body.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={() => answer(null)} data-testid="question-cancel" ref={cancel}>
          {question.cancelLabel}
        </button>
        {question.choices.map((choice, i) => (
          <button key={choice.id} type="button" className={`button${choice.tone === 'primary' ? ' primary' : choice.tone === 'danger' ? ' danger' : ''}`} onClick={() => answer(choice.id)} data-choice={choice.id} ref={i === 0 ? first : undefined}>
            {choice.label}
          </button>
        ))}
      </div>
    </Dialog>
  );
}

export function QuestionDialog() {
  const question = useApp((s) => s.question);
  // A new question is a new dialog (its own focus, its own opener to return to).
  return question === null ? null : <Asking key={`${question.title}\u0000${question.testId ?? ''}`} question={question} />;
}
