// Step 5, Save (docs/formats.md "The upload-ready file"): the upload-ready file, blocked while errors remain, saying why and where.
import { FindingsList } from '../components/FindingsList';
import { goTo } from '../store/actions';
import { saveClean } from '../store/fileActions';
import { countsOf, fileNameOf, rowCountOf } from '../store/reads';
import { sameFields, useApp } from '../store/useApp';

export function SaveStep() {
  const counts = useApp(countsOf, sameFields);
  const fileName = useApp(fileNameOf);
  const rowCount = useApp(rowCountOf);
  const blocked = counts.errors > 0;
  return (
    <div className="save">
      <section className={`panel verdict ${blocked ? 'blocked' : 'ok'}`} data-testid="save-panel">
        <h1>{blocked ? "You can't save the upload file yet" : 'Save the upload-ready file'}</h1>
        {blocked ? (
          <p data-testid="save-blocked">
            {counts.errors.toLocaleString('en-US')} {counts.errors === 1 ? 'error remains' : 'errors remain'}: the platform's import would refuse this file. Each one is listed below — click it to fix the cell.
          </p>
        ) : (
          <p>
            {rowCount.toLocaleString('en-US')} users, no errors{counts.warnings > 0 ? ` (${counts.warnings.toLocaleString('en-US')} warnings: they don't block the upload, review them first)` : ''}. Only New License and New Add-ons change; every other cell of {fileName} is written exactly as it was. Your original export is not modified.
          </p>
        )}
        <div className="actions">
          <button type="button" className="button primary large" disabled={blocked} onClick={() => void saveClean()} data-testid="save-clean" title={blocked ? 'Fix the errors listed below first' : undefined}>
            Save upload-ready CSV
          </button>
          {blocked && (
            <button type="button" className="button" onClick={() => goTo('assign')}>
              Go to the grid
            </button>
          )}
        </div>
      </section>
      {blocked && (
        <section className="panel">
          <h2>Where the errors are</h2>
          <FindingsList severity="error" testId="save-errors" />
        </section>
      )}
    </div>
  );
}
