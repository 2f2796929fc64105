import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './app/global.css';
import './app/i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';

const container = document.getElementById('root');
if (!container) throw new Error('#root element is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
