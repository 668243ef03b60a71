import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api/client';
import { App } from './App';
import './styles/index.css';
import { wireWindow } from './wire-window';

initTransport();
wireWindow();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
