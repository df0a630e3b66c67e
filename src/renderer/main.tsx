import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { App } from './app/App';
import './styles.css';

// The browser mode's launch address carries a token; once the session cookie is set, drop it from
// the address bar so it is not copied, bookmarked or shown in screenshots.
if (new URLSearchParams(location.search).has('token')) {
  history.replaceState(null, '', location.pathname + location.hash);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={createClient()} />
  </StrictMode>,
);
