// Errors about the file as a whole (seats over the plan, your own row, the header), above the grid: no
// row filter shows them, so they are said here, each with its way in (the holders of a full license).
import { describeFinding, SEVERITY } from '../../shared/index';
import { FindingActions } from '../components/FindingsList';
import { fileErrorsOf, sessionOf } from '../store/reads';
import { useApp } from '../store/useApp';

export function FileProblems() {
  const session = useApp(sessionOf);
  const errors = useApp(fileErrorsOf);
  if (!session || errors.length === 0) return null;
  return (
    <section className="file-problems" aria-label="Problems with the whole file" data-testid="file-problems">
      <ul>
        {errors.map((f, i) => (
          <li key={i} className="finding error" data-code={f.code}>
            <span className={`badge ${SEVERITY[f.code]}`}>Error</span>
            <span className="finding-code">{f.code}</span>
            <span className="finding-message">{describeFinding(session.place(f)).message}</span>
            <FindingActions session={session} finding={f} />
          </li>
        ))}
      </ul>
    </section>
  );
}
