// The app shell: header with steps, seat counters and theme; the current step; menu commands.
import { useEffect, useRef } from 'react';
import { focusLost, focusStepHeading } from '../components/focus';
import { LiveRegion } from '../components/LiveRegion';
import { QuestionDialog } from '../components/QuestionDialog';
import { SeatCounters } from '../components/SeatCounters';
import { platform } from '../platform/index';
import type { MenuCommand } from '../platform/platform';
import { AssignStep } from '../steps/AssignStep';
import { GridWarmUp } from '../grid/GridWarmUp';
import { MappingStep } from '../steps/MappingStep';
import { OpenStep } from '../steps/OpenStep';
import { OverviewStep } from '../steps/OverviewStep';
import { ReviewStep } from '../steps/ReviewStep';
import { SaveStep } from '../steps/SaveStep';
import { RulesHelp } from '../help/RulesHelp';
import { goTo, notify, redo, requestFind, setTheme, showHelp, undo } from '../store/actions';
import { appStore, type ThemeChoice } from '../store/appStore';
import { flushAutosave, keepUnsavedNow } from '../store/autosave';
import { closeFile, downloadReport, openFile, pickAndOpen, saveClean } from '../store/fileActions';
import { fileNameOf } from '../store/reads';
import { useApp } from '../store/useApp';
import { StepBar } from './StepBar';
import { useDarkTheme } from './useTheme';

function runCommand(command: MenuCommand): void {
  switch (command) {
    case 'open':
      goTo('open');
      void pickAndOpen();
      return;
    case 'openOriginal':
      // "Validate against original": the Open step's panel for a file edited elsewhere plus its original.
      goTo('open');
      requestAnimationFrame(() => {
        const panel = document.querySelector<HTMLElement>('[data-testid="validate-panel"]');
        panel?.scrollIntoView({ block: 'center' });
        panel?.querySelector<HTMLElement>('[data-testid="pick-validate"]')?.focus();
      });
      return;
    case 'save':
      void saveClean();
      return;
    case 'exportReport':
      void downloadReport('report');
      return;
    case 'exportAnnotated':
      void downloadReport('annotated');
      return;
    case 'close':
      closeFile();
      return;
    case 'undo':
    case 'redo':
      // While a cell editor is open, Escape first: undoing another row behind it would surprise.
      if ((appStore.getState().grid?.getEditingCells().length ?? 0) > 0) return;
      if (command === 'undo') undo();
      else redo();
      return;
    case 'find':
      requestFind();
      return;
    case 'rules':
      showHelp('rules');
      return;
    case 'about':
      notify({ tone: 'info', text: 'License Prep prepares the license-migration CSV offline: assign, review, save. Nothing leaves this computer.' });
      return;
  }
}

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function App() {
  const step = useApp((s) => s.step);
  const theme = useApp((s) => s.theme);
  const fileName = useApp(fileNameOf);
  const notice = useApp((s) => s.notice);
  const lastSavedAt = useApp((s) => s.lastSavedAt);
  const dark = useDarkTheme(theme);
  const help = useApp((s) => s.help);

  useEffect(() => platform().onMenuCommand(runCommand), []);
  // F1 opens the rules (the desktop menu's accelerator; the browser build has no menu).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        showHelp('rules');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => platform().onFlushRequest?.(flushAutosave), []);
  // A file main opened by itself (Open Recent, a second launch, macOS "Open With") opens like a picked one.
  useEffect(() => platform().onOpenFile?.((file) => (goTo('open'), void openFile(file))), []);
  useEffect(() => {
    // Hidden (minimised, switched away, about to close) or going away (reload, close): what is not saved
    // yet is kept at once — the page may be gone before an asynchronous save finishes.
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') keepUnsavedNow();
    };
    window.addEventListener('pagehide', keepUnsavedNow);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', keepUnsavedNow);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
  // A new step replaced what had focus: focus its heading, so keyboard and screen-reader users start there.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const frame = requestAnimationFrame(() => focusLost() && focusStepHeading());
    return () => cancelAnimationFrame(frame);
  }, [step]);

  return (
    <div className={`app step-${step}`}>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            LP
          </span>
          <span className="brand-name">License Prep</span>
        </div>
        <StepBar />
        <div className="header-end">
          {fileName && (
            <span className="file-name" title={fileName}>
              <span className="ellipsis" data-testid="file-name">
                {fileName}
              </span>
              {lastSavedAt ? <span className="saved-dot" role="img" aria-label={`Progress saved ${new Date(lastSavedAt).toLocaleTimeString()}`} title={`Progress saved ${new Date(lastSavedAt).toLocaleTimeString()}`} data-testid="autosaved" /> : null}
            </span>
          )}
          <button type="button" className="button ghost small" onClick={() => showHelp('rules')} data-testid="open-rules" title="The migration rules (F1)">
            Rules
          </button>
          <button type="button" className="button ghost small" onClick={() => setTheme(NEXT_THEME[theme])} data-testid="theme-toggle" aria-label={`${THEME_LABEL[theme]} (click to change)`}>
            {dark ? '☾' : '☀'} {THEME_LABEL[theme].replace('Theme: ', '')}
          </button>
        </div>
      </header>
      {step === 'open' && !fileName && <GridWarmUp dark={dark} />}
      <section className="counters-bar" aria-label="Seats and problems">
        <SeatCounters />
      </section>
      <main className="app-main">
        {notice && (notice.step === undefined || notice.step === step) && (
          // Said by the live region (LiveRegion); an error is also an alert.
          <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined} data-testid="notice">
            <span>{notice.text}</span>
            <button type="button" className="button ghost small" onClick={() => notify(null)} aria-label="Dismiss the message">
              ✕
            </button>
          </div>
        )}
        {step === 'open' && <OpenStep />}
        {step === 'overview' && <OverviewStep />}
        {step === 'map' && <MappingStep />}
        {step === 'assign' && <AssignStep dark={dark} />}
        {step === 'review' && <ReviewStep />}
        {step === 'save' && <SaveStep />}
        <LiveRegion />
      </main>
      {help === 'rules' && <RulesHelp onClose={() => showHelp(null)} />}
      <QuestionDialog />
    </div>
  );
}
