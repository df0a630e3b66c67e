import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { keepBrowserToken } from './api/browserToken';
import { App } from './app/App';
import './styles.css';

// The browser mode's launch address carries a token: kept in this origin's storage (this port
// only; see browserToken.ts), then dropped from the address bar so it is not copied, bookmarked
// or shown in screenshots.
const launchToken = new URLSearchParams(location.search).get('token');
if (launchToken) {
  keepBrowserToken(launchToken);
  history.replaceState(null, '', location.pathname + location.hash);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={createClient()} />
  </StrictMode>,
);
