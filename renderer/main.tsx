// Renderer entry: pick the platform, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { choosePlatform } from './platform/index';
import { createElectronPlatform, isElectron } from './platform/electron';
import './styles.css';

choosePlatform(isElectron() ? createElectronPlatform() : undefined);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
