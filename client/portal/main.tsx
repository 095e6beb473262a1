import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalPage } from './PortalPage';
import './portal.css';

// The upload page reads its link token from its own address; the server never writes it into the page.
const token = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalPage token={token} />
  </StrictMode>,
);
