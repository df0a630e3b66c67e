/** The app's place lives in the URL hash so a reload reopens the same article. */
export type Route = { view: 'list' } | { view: 'trash' } | { view: 'photos' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/article\/([0-9a-f-]{36})$/i.exec(hash);
  if (m) return { view: 'article', id: m[1]!.toLowerCase() };
  if (hash === '#/trash') return { view: 'trash' };
  if (hash === '#/photos') return { view: 'photos' };
  return { view: 'list' };
}

export function routeHash(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : route.view === 'list' ? '#/' : `#/${route.view}`;
}
