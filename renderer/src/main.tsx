import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installBrowserApi } from './api';
import { App } from './App';
import './styles.css';
import './guidelines.css';

installBrowserApi();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
