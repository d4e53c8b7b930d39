// Choose the encoding of a file that is not UTF-8 (docs/formats.md "Encodings"): the names decoded with
// each likely encoding side by side, so the admin picks the one in which they read right; any other
// encoding by the same names as the CLI's --encoding.
import { useState } from 'react';
import { ENCODING_CHOICES, type EncodingCandidate } from '../../shared/index';
import { openWithEncoding } from '../store/fileActions';

export function EncodingChooser({ candidates, current, onCancel }: { candidates: readonly EncodingCandidate[]; current: string | null; onCancel?: () => void }) {
  const shown = candidates.slice(0, 5);
  const [chosen, setChosen] = useState<string>(shown.find((c) => c.encoding !== current)?.encoding ?? shown[0]?.encoding ?? 'windows-1252');
  const listed = new Set(shown.map((c) => c.encoding));
  return (
    <div className="encoding-chooser" data-testid="encoding-chooser">
      <fieldset>
        <legend>In which encoding do the names read right?</legend>
        <ul className="encoding-list">
          {shown.map((c) => (
            <li key={c.encoding}>
              <label className="encoding-option">
                <input type="radio" name="encoding" value={c.encoding} checked={chosen === c.encoding} onChange={() => setChosen(c.encoding)} data-testid="encoding-option" />
                <span className="encoding-name">
                  {c.description} <code>{c.encoding}</code>
                  {c.encoding === current ? <span className="muted small"> (read this way now)</span> : null}
                  {!c.plausible ? <span className="muted small"> (some bytes do not fit)</span> : null}
                </span>
                <span className="encoding-samples" lang="und">
                  {c.samples.length > 0 ? c.samples.join(' · ') : <span className="muted">no names to show</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <label className="field">
          <span>Another encoding</span>
          <select value={listed.has(chosen as EncodingCandidate['encoding']) ? '' : chosen} onChange={(e) => e.target.value !== '' && setChosen(e.target.value)} data-testid="encoding-other">
            <option value="">—</option>
            {ENCODING_CHOICES.map((c) => (
              <option key={c.encoding} value={c.encoding}>
                {c.description} ({c.encoding})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void openWithEncoding(chosen)} data-testid="encoding-open">
          Open as {ENCODING_CHOICES.find((c) => c.encoding === chosen)?.description ?? chosen}
        </button>
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="muted small">It is saved as UTF-8 whichever you choose. In the CLI: --encoding {chosen}</p>
    </div>
  );
}
