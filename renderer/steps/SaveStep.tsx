// Step 5, Save (docs/formats.md "The upload-ready file"): the upload-ready file, blocked while errors remain,
// saying why and where; who loses access or an add-on, once more before the upload; and once saved, what
// to do with the file on the platform (its migration wizard's CSV import).
import type { MigrationSession } from '../../shared/index';
import { FindingsList } from '../components/FindingsList';
import { goTo, showCell } from '../store/actions';
import { saveClean } from '../store/fileActions';
import { countsOf, fileNameOf, lossesOf, planIsEmpty, rowCountOf, sessionOf } from '../store/reads';
import { sameFields, useApp } from '../store/useApp';
import { count, num } from '../text/counts';

const SHOWN = 12;

/** The add-ons a row loses (its LOSES_ADDON finding), as the core names them. */
function addOnsLost(session: MigrationSession, r: number): string {
  const finding = session.findingsForRow(r).find((f) => f.code === 'LOSES_ADDON');
  return finding && finding.code === 'LOSES_ADDON' ? finding.names.join(', ') : '';
}

function Losses() {
  const session = useApp(sessionOf);
  const access = useApp((s) => lossesOf(s, 'LOSES_ACCESS', SHOWN));
  const addOns = useApp((s) => lossesOf(s, 'LOSES_ADDON', SHOWN));
  if (!session) return null;
  const { newLicense, newAddOns } = session.source.columns;
  const who = (r: number): string => `Row ${num(session.rowNumber(r))} · ${session.userOf(r) ?? '(no email)'}`;
  return (
    <section className="panel" data-testid="save-losses" aria-labelledby="save-losses-title">
      <h2 id="save-losses-title">Before you upload: who loses something</h2>
      {access.total === 0 && addOns.total === 0 ? (
        <p data-testid="losses-none">Everyone who has a license today keeps one, and no one loses an add-on they have today.</p>
      ) : (
        <div className="losses">
          <div data-testid="losses-access">
            <h3>{access.total === 0 ? 'No one loses access' : `${count(access.total, 'user loses', 'users lose')} access`}</h3>
            {access.total > 0 && <p className="small muted">They have a license today and none in the file: “No License Assigned”, they will not be able to log in.</p>}
            <ul className="loser-list">
              {access.rows.map((r) => (
                <li key={r}>
                  <button type="button" className="finding-link" onClick={() => showCell(r, newLicense)}>
                    {who(r)}
                  </button>
                </li>
              ))}
            </ul>
            {access.total > access.rows.length && <p className="muted small">…and {num(access.total - access.rows.length)} more (see the error report).</p>}
          </div>
          <div data-testid="losses-addon">
            <h3>{addOns.total === 0 ? 'No one loses an add-on' : `${count(addOns.total, 'user loses', 'users lose')} an add-on`}</h3>
            {addOns.total > 0 && <p className="small muted">They have the add-on today and the file does not give it to them.</p>}
            <ul className="loser-list">
              {addOns.rows.map((r) => (
                <li key={r}>
                  <button type="button" className="finding-link" onClick={() => showCell(r, newAddOns)}>
                    {who(r)} — loses {addOnsLost(session, r)}
                  </button>
                </li>
              ))}
            </ul>
            {addOns.total > addOns.rows.length && <p className="muted small">…and {num(addOns.total - addOns.rows.length)} more (see the error report).</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function NextOnThePlatform({ name, stale }: { name: string; stale: boolean }) {
  return (
    <section className="panel next-steps" data-testid="next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Saved. Next, on the platform</h2>
      {stale && (
        <p className="verdict-warning" data-testid="upload-stale">
          You changed the migration after saving “{name}”: save again, so the file you upload has your last changes.
        </p>
      )}
      <ol>
        <li>Log in to the platform as an admin and click “Update Licenses” in the yellow migration banner.</li>
        <li>On the Overview page, check that the licenses and seats match your contract.</li>
        <li>
          Choose <strong>Using CSV import</strong> and import <strong className="ellipsis-inline" title={name}>{name}</strong> — not the export you downloaded, and not a copy opened and saved by a spreadsheet.
        </li>
        <li>The platform checks the file again; it passed the same checks here. Review the changes, then finish the migration.</li>
      </ol>
      <p className="small muted">Users the file gives no license get “No License Assigned”; you can still give them one later from the platform's user list.</p>
    </section>
  );
}

export function SaveStep() {
  const counts = useApp(countsOf, sameFields);
  const fileName = useApp(fileNameOf);
  const rowCount = useApp(rowCountOf);
  const lastUpload = useApp((s) => s.lastUpload);
  const version = useApp((s) => s.version);
  const noPlan = useApp(planIsEmpty);
  const blocked = counts.errors > 0 || noPlan;
  return (
    <div className="save">
      <section className={`panel verdict ${blocked ? 'blocked' : 'ok'}`} data-testid="save-panel">
        <h1 tabIndex={-1}>{blocked ? "You can't save the upload file yet" : 'Save the upload-ready file'}</h1>
        {noPlan ? (
          <p data-testid="save-blocked">The plan is empty: enter your contract's licenses on the Overview step (or import the plan JSON) so the file can be checked before it is saved.</p>
        ) : blocked ? (
          <p data-testid="save-blocked">
            {count(counts.errors, 'error remains')}: the platform's import would refuse this file. Each one is listed below: click it to go to its cell on the grid, or use the fix offered beside it.
          </p>
        ) : (
          <p>
            {count(rowCount, 'user')}, no errors{counts.warnings > 0 ? ` (${count(counts.warnings, 'warning')}: they don't block the upload, review them first)` : ''}. Only New License and New Add-ons change; every other cell of <span className="ellipsis-inline" title={fileName ?? undefined}>{fileName}</span> is written exactly as it was. Your original export is not modified.
          </p>
        )}
        <div className="actions">
          <button type="button" className="button primary large" disabled={blocked} onClick={() => void saveClean()} data-testid="save-clean" title={blocked ? 'Fix the errors listed below first' : undefined}>
            {lastUpload && !blocked ? 'Save the upload-ready CSV again' : 'Save upload-ready CSV'}
          </button>
          {blocked && (
            <button type="button" className="button" onClick={() => goTo(noPlan ? 'overview' : 'assign')}>
              {noPlan ? 'Fill in the plan' : 'Go to the grid'}
            </button>
          )}
        </div>
      </section>
      {lastUpload && !blocked && <NextOnThePlatform name={lastUpload.name} stale={lastUpload.version !== version} />}
      {!blocked && <Losses />}
      {blocked && !noPlan && (
        <section className="panel">
          <h2>Where the errors are</h2>
          <FindingsList severity="error" testId="save-errors" />
        </section>
      )}
    </div>
  );
}
