// The native dialogs behind FileService (docs/architecture.md "Files stay in main"): paths are chosen here,
// in main, never sent by the renderer.
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { join } from 'node:path';
import type { FileDialogs, OpenPurpose, SavePurpose } from './fileService';

const ALL_FILES: FileFilter = { name: 'All Files', extensions: ['*'] };
const CSV: FileFilter = { name: 'CSV Files', extensions: ['csv', 'tsv', 'txt'] };
const JSON_FILES: FileFilter = { name: 'License Plan (JSON)', extensions: ['json'] };

const OPEN_TITLES: Record<OpenPurpose, string> = {
  export: 'Open the Export of Active Users',
  original: 'Open the Original Export to Validate Against',
  plan: 'Open a License Plan',
};

const SAVE_TITLES: Record<SavePurpose, string> = {
  clean: 'Save the Upload-Ready File',
  report: 'Save the Error Report',
  annotated: 'Save the Annotated Copy',
  plan: 'Save the License Plan',
};

export function nativeDialogs(getWindow: () => BrowserWindow | null): FileDialogs {
  const parent = () => getWindow() ?? undefined;
  const box = async (options: Electron.MessageBoxOptions): Promise<number> => {
    const win = parent();
    const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return result.response;
  };
  return {
    async chooseOpenPath(purpose) {
      const options: Electron.OpenDialogOptions = { title: OPEN_TITLES[purpose], properties: ['openFile'], filters: purpose === 'plan' ? [JSON_FILES, ALL_FILES] : [CSV, ALL_FILES] };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSavePath(purpose, suggestedName, defaultDir) {
      const options: Electron.SaveDialogOptions = {
        title: SAVE_TITLES[purpose],
        defaultPath: join(defaultDir ?? app.getPath('documents'), suggestedName),
        filters: purpose === 'plan' ? [JSON_FILES, ALL_FILES] : [{ name: 'CSV Files', extensions: ['csv'] }, ALL_FILES],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    async confirmReplaceOriginal(path) {
      const response = await box({
        type: 'warning',
        title: 'Replace the Original Export?',
        message: 'This is the export you opened. Replace it?',
        detail: `${path}\n\nLicense Prep keeps the original unchanged so you can always validate against it or start again. Saving under another name is safer.`,
        buttons: ['Save Elsewhere…', 'Replace', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return response === 1 ? 'replace' : response === 0 ? 'elsewhere' : 'cancel';
    },
    async explainSaveFailure(explanation, path) {
      const response = await box({
        type: 'error',
        title: 'The File Was Not Saved',
        message: 'The file was not saved.',
        detail: `${explanation}\n\n${path}\n\nYour work is still open in License Prep.`,
        buttons: ['Save Elsewhere…', 'Try Again', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return response === 0 ? 'elsewhere' : response === 1 ? 'retry' : 'cancel';
    },
  };
}
