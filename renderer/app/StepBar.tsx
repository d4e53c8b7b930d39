// The wizard's step bar: every step can be revisited once a file is open.
import { goTo } from '../store/actions';
import { STEPS } from '../store/appStore';
import { countsOf, isOpen, planIsEmpty } from '../store/reads';
import { useApp } from '../store/useApp';
import { count } from '../text/counts';

export function StepBar() {
  const step = useApp((s) => s.step);
  const open = useApp(isOpen);
  // With no plan yet, the errors say nothing about the file: no badge until the plan is filled in.
  const errors = useApp((s) => (planIsEmpty(s) ? 0 : countsOf(s).errors));
  const current = STEPS.findIndex((s) => s.id === step);
  return (
    <nav className="stepbar" aria-label="Steps">
      <ol>
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button type="button" className={`step${s.id === step ? ' current' : ''}${i < current ? ' done' : ''}`} aria-current={s.id === step ? 'step' : undefined} disabled={s.id !== 'open' && !open} onClick={() => goTo(s.id)} data-step={s.id}>
              <span className="step-number">{i + 1}</span>
              {s.label}
              {s.id === 'review' && open && errors > 0 ? (
                <>
                  <span className="step-badge" aria-hidden="true">
                    {errors > 999 ? '999+' : errors}
                  </span>
                  <span className="sr-only"> ({count(errors, 'error')})</span>
                </>
              ) : null}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
