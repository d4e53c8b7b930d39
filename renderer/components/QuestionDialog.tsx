// The app's own confirm (never the browser's confirm()): the question the store asks (store/questions.ts),
// its choices as buttons, Cancel or Escape answering null.
import { answer } from '../store/questions';
import { useApp } from '../store/useApp';
import { Dialog } from './Dialog';

export function QuestionDialog() {
  const question = useApp((s) => s.question);
  if (question === null) return null;
  // Enter does the first choice, unless it destroys something: then Cancel has the focus.
  const careful = question.choices[0]?.tone === 'danger';
  return (
    <Dialog title={question.title} onClose={() => answer(null)} testId={question.testId ?? 'question-dialog'} className="question-dialog">
      {question.body.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={() => answer(null)} data-testid="question-cancel" autoFocus={careful}>
          {question.cancelLabel}
        </button>
        {question.choices.map((choice, i) => (
          <button
            key={choice.id}
            type="button"
            className={`button${choice.tone === 'primary' ? ' primary' : choice.tone === 'danger' ? ' danger' : ''}`}
            onClick={() => answer(choice.id)}
            data-choice={choice.id}
            autoFocus={i === 0 && !careful}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
