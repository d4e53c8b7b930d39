// The renderer's webPreferences (docs/architecture.md "The window").
// Pure, so the settings are unit-tested without an Electron binary.

/** The subset of Electron's WebPreferences we set; every security-relevant key is explicit. */
export interface HardenedWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly safeDialogs: true;
  readonly enableWebSQL: false;
  readonly devTools: boolean;
  readonly disableBlinkFeatures: string;
}

export function webPreferences(options: { preloadPath: string; devTools: boolean }): HardenedWebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped outside our drop zone must not replace the app with the file's contents.
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    enableWebSQL: false,
    devTools: options.devTools,
    // Old sync-XHR-style and auxclick surfaces we never use.
    disableBlinkFeatures: 'Auxclick',
  };
}
