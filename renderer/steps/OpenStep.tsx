// Step 1, Open: pick or drop an export, try the sample, validate a file
// edited elsewhere against the original, or continue saved work.
import { useState, type DragEvent } from 'react';
import { fileBytes } from '../platform/browser';
import { platform } from '../platform/index';
import type { PickedFile } from '../platform/platform';
import { goTo, notify } from '../store/actions';
import { dismissEncodingAsk, dismissRefusal, importPlan, openFile, openSample, pickAndOpen } from '../store/fileActions';
import { fileNameOf, planOf } from '../store/reads';
import { useApp } from '../store/useApp';
import { num } from '../text/counts';
import { ColumnMappingStep } from './ColumnMappingStep';
import { EncodingChooser } from './EncodingChooser';
import { SavedMigrations } from './SavedMigrations';

/** Opening hands a file's bytes over: the picked files stay here for another try, so they go as copies. */
const copyOf = (file: PickedFile): PickedFile => ({ ...file, bytes: file.bytes.slice() });

const STAGES = { hashing: 'Reading the file…', reading: 'Decoding and splitting rows…', transferring: 'Receiving rows…', checking: 'Checking every row…' } as const;

export function OpenStep() {
  const loading = useApp((s) => s.loading);
  const refusal = useApp((s) => s.refusal);
  const columnsAsk = useApp((s) => s.columnsAsk);
  const encodingAsk = useApp((s) => s.encodingAsk);
  const fileName = useApp(fileNameOf);
  const plan = useApp(planOf);
  const [dragging, setDragging] = useState(false);
  const [toValidate, setToValidate] = useState<PickedFile | null>(null);
  const [original, setOriginal] = useState<PickedFile | null>(null);

  const onDrop = async (event: DragEvent): Promise<void> => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const bytes = await fileBytes(file);
    const handle = (await platform().handleForDroppedFile?.(file, bytes, 'export')) ?? null;
    await openFile({ name: file.name, bytes, handle });
  };

  if (loading) {
    return (
      <section className="panel center-panel" data-testid="loading" aria-busy="true">
        <h1 className="ellipsis" title={loading.name} tabIndex={-1}>
          Opening {loading.name}
        </h1>
        <div className="progress" role="progressbar" aria-label="Loading the file">
          <div className="progress-bar" />
        </div>
        <p className="muted">
          {STAGES[loading.stage]}
          {loading.rows !== undefined ? ` ${num(loading.rows)} users` : ''}
        </p>
      </section>
    );
  }

  if (columnsAsk) return <ColumnMappingStep ask={columnsAsk} />;
  if (encodingAsk) {
    return (
      <section className="panel" data-testid="encoding-ask">
        <h1 className="ellipsis" title={encodingAsk.name} tabIndex={-1}>
          Choose the encoding of “{encodingAsk.name}”
        </h1>
        <p className="lead">It is not UTF-8. Pick the encoding in which the names below read right; your choices so far are kept.</p>
        <EncodingChooser candidates={encodingAsk.candidates} current={encodingAsk.current} onCancel={dismissEncodingAsk} />
      </section>
    );
  }

  return (
    <div className="open-step">
      {refusal && (
        <section className="panel refusal" data-testid="refusal" role="alert">
          <h2 className="ellipsis" title={refusal.name}>
            We can't open “{refusal.name}”
          </h2>
          <p>{refusal.reason.charAt(0).toUpperCase() + refusal.reason.slice(1)}.</p>
          {refusal.encodings && refusal.encodings.length > 0 && <EncodingChooser candidates={refusal.encodings} current={null} />}
          <div className="actions">
            <button type="button" className="button primary" onClick={() => void pickAndOpen()}>
              Choose another file…
            </button>
            <button type="button" className="button ghost" onClick={dismissRefusal}>
              Dismiss
            </button>
          </div>
        </section>
      )}

      {fileName && (
        <section className="panel inline-panel" aria-label="The open migration">
          <p className="ellipsis" title={fileName}>
            <strong>{fileName}</strong> is open.
          </p>
          <button type="button" className="button" onClick={() => goTo('assign')}>
            Back to assigning
          </button>
        </section>
      )}

      <section
        className={`panel dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void onDrop(event)}
      >
        <h1 tabIndex={-1}>Prepare your license migration</h1>
        <p className="lead">Open the export of all active users you downloaded from the platform's migration wizard. Everything stays on this computer.</p>
        <div className="actions">
          <button type="button" className="button primary large" onClick={() => void pickAndOpen()} data-testid="pick-export">
            Choose the export CSV…
          </button>
          <span className="muted">or drop it here</span>
        </div>
        <button type="button" className="button link" onClick={() => void openSample()} data-testid="open-sample">
          New here? Try it with the sample export
        </button>
      </section>

      <div className="two-columns">
        <SavedMigrations />

        <section className="panel" data-testid="validate-panel">
          <h2>Validate a file edited elsewhere</h2>
          <p className="muted">Check a CSV edited in Excel or LibreOffice. Add the original export to also catch changed or missing users.</p>
          <div className="file-pair">
            <button type="button" className="button" data-testid="pick-validate" title={toValidate?.name} onClick={() => void platform().pickFile('export').then((f) => f && setToValidate(f))}>
              <span className="ellipsis">{toValidate ? `File: ${toValidate.name}` : 'Choose the file to check…'}</span>
            </button>
            <button type="button" className="button" data-testid="pick-original" title={original?.name} onClick={() => void platform().pickFile('original').then((f) => f && setOriginal(f))}>
              <span className="ellipsis">{original ? `Original: ${original.name}` : 'Original export (optional)…'}</span>
            </button>
          </div>
          <p className="small muted" data-testid="validate-plan">
            {plan.licenses.length === 0 ? 'No plan yet: import the plan JSON first, or every New License counts as unknown.' : `Checked against the plan: ${plan.licenses.map((l) => l.name).join(', ')}.`}{' '}
            <button type="button" className="button link small" data-testid="validate-import-plan" onClick={() => void importPlan().then((problems) => problems.length > 0 && notify({ tone: 'error', text: `The plan was not imported: ${problems.join('; ')}` }))}>
              Import a plan JSON…
            </button>
          </p>
          <button type="button" className="button primary" disabled={!toValidate} data-testid="validate" onClick={() => toValidate && void openFile(copyOf(toValidate), { original: original && copyOf(original), then: 'review' })}>
            Validate
          </button>
        </section>
      </div>
    </div>
  );
}
