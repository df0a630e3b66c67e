/**
 * The browser mode's token, kept in localStorage: unlike a cookie, which browsers send to every
 * port of 127.0.0.1, it stays with this origin (scheme, host and port), so no other local service
 * ever receives it. It is sent as the socket's first message and with each download.
 */
const KEY = 'byline.token';
/** Where the token lives when storage is refused. */
let memory: string | null = null;

export function keepBrowserToken(token: string): void {
  try {
    localStorage.setItem(KEY, token);
  } catch {
    // Storage refused (private mode with storage off): the token lives as long as the page.
    memory = token;
  }
}

export function browserToken(): string | null {
  try {
    return localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}
