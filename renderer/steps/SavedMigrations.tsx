// The Open step's saved migrations (docs/formats.md "Saved progress"): each with its file name, when it
// was saved, its users and edits, to continue or delete (deleting asks first, in the app's own dialog);
// and those beyond the ones loaded, removed only when the admin agrees.
import { useEffect } from 'react';
import { repairCount } from '../../shared/index';
import { MAX_LISTED_PROGRESS } from '../../shared/ipc/contract';
import type { SavedProgressEntry } from '../platform/platform';
import { discardSaved, pruneOlderSaved, refreshSaved, resume } from '../store/fileActions';
import { confirmAction } from '../store/questions';
import { useApp } from '../store/useApp';
import { count, num } from '../text/counts';

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
};

const editsOf = (entry: SavedProgressEntry): number => Object.keys(entry.journal.assignments).length;

/** A saved migration's id is its file's name made safe plus a hash: the name, for people. */
const nameOfId = (id: string): string => id.replace(/-[0-9a-f]{16}(-[0-9a-z]+)?$/, '');

async function deleteSaved(entry: SavedProgressEntry): Promise<void> {
  const { source, updatedAt } = entry.journal;
  const ok = await confirmAction({
    title: `Delete the saved migration of “${source.name}”?`,
    body: [`Saved ${when(updatedAt)}: ${count(entry.journal.progress.users, 'user')}, ${count(editsOf(entry), 'edit')} and your plan. They are removed from this computer; the export file itself is not touched.`, 'This cannot be undone.'],
    confirmLabel: 'Delete',
    danger: true,
    testId: 'delete-saved-dialog',
  });
  if (ok) await discardSaved(entry.id);
}

async function pruneOlder(older: readonly { id: string; savedAt: string }[]): Promise<void> {
  const shown = older.slice(0, 8).map((o) => `${nameOfId(o.id)} (saved ${when(o.savedAt)})`);
  const ok = await confirmAction({
    title: `Remove ${count(older.length, 'older saved migration')}?`,
    body: [`Only the ${num(MAX_LISTED_PROGRESS)} most recent saved migrations are loaded and offered here. These older ones would be removed from this computer: ${shown.join('; ')}${older.length > shown.length ? `; and ${num(older.length - shown.length)} more` : ''}.`, 'This cannot be undone.'],
    confirmLabel: `Remove ${count(older.length, 'migration')}`,
    danger: true,
    testId: 'prune-dialog',
  });
  if (ok) await pruneOlderSaved(older.map((o) => o.id));
}

export function SavedMigrations() {
  const saved = useApp((s) => s.saved);
  const older = useApp((s) => s.olderSaved);

  useEffect(() => {
    void refreshSaved();
  }, []);

  return (
    <section className="panel" data-testid="saved-work" aria-labelledby="saved-work-title">
      <h2 id="saved-work-title">Continue where you left off</h2>
      {saved.length === 0 ? (
        <p className="empty-note">No saved work yet. Your choices are saved automatically as you assign licenses, so you can stop at any time.</p>
      ) : (
        <ul className="saved-list">
          {saved.map((entry) => {
            const { source, progress, updatedAt } = entry.journal;
            return (
              <li key={entry.id} className="saved-entry" data-testid="saved-entry">
                <div className="saved-name ellipsis" title={source.name} data-testid="saved-name">
                  {source.name}
                </div>
                <div className="saved-meta small muted" data-testid="saved-meta">
                  Saved {when(updatedAt)} · {count(progress.users, 'user')}, {num(progress.assigned)} assigned · {count(editsOf(entry), 'edit')}
                </div>
                {entry.journal.original && (
                  <div className="saved-meta small muted ellipsis" data-testid="saved-original" title={entry.journal.original.file.name}>
                    {count(repairCount(entry.journal), 'repair')} · checked against {entry.journal.original.file.name}
                  </div>
                )}
                {entry.note ? <div className="small saved-note">{entry.note}</div> : null}
                <div className="saved-actions">
                  <button type="button" className="button small primary" onClick={() => void resume(entry)} data-testid="resume" aria-label={`Continue the migration of ${source.name}`}>
                    Continue
                  </button>
                  <button type="button" className="button small ghost" onClick={() => void deleteSaved(entry)} data-testid="delete-saved" aria-label={`Delete the saved migration of ${source.name}`}>
                    Delete…
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {saved.length > 0 && <p className="small muted">You will be asked for the export file again, and for the original export of a file you validated (the sample comes back by itself).</p>}
      {older.length > 0 && (
        <div className="older-saved" data-testid="older-saved">
          <p className="small">
            {count(older.length, 'older saved migration')} {older.length === 1 ? 'is' : 'are'} not shown: only the most recent are loaded. {older.length === 1 ? 'It is' : 'They are'} kept until you remove {older.length === 1 ? 'it' : 'them'}.
          </p>
          <button type="button" className="button small" onClick={() => void pruneOlder(older)} data-testid="prune-older">
            Remove the older ones…
          </button>
        </div>
      )}
    </section>
  );
}
