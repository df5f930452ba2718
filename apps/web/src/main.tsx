import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './App';
import { initI18n } from './i18n/i18n';
import './styles/fonts.css';
import 'krds-uiux/resources/css/token/krds_tokens.css';
import './styles/app.css';
import './styles/outcomes.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={createQueryClient()} />
  </StrictMode>,
);
