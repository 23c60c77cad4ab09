import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/global.css';
import './styles/organise.css';
import { AppProvider } from './app/provider';
import { reloadOnStaleChunk } from './app/reload-on-stale-chunk';
import { AppRoutes } from './app/router';
import { initI18n } from './i18n';
import { applyTheme } from './lib/theme';

applyTheme();
reloadOnStaleChunk();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

await initI18n();

createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <AppRoutes />
    </AppProvider>
  </StrictMode>,
);
