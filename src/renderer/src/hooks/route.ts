export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  | { page: 'new' }
  | { page: 'project'; projectId: string; settings: boolean };

/** "#/project/<id>" opens a project (one per window or browser tab); "#/project/<id>/settings" adds Settings. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'project' && parts[1]) return { page: 'project', projectId: parts[1], settings: parts[2] === 'settings' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'new') return { page: 'new' };
  return { page: 'home' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'new':
      return '#/new';
    case 'project':
      return `#/project/${encodeURIComponent(route.projectId)}${route.settings ? '/settings' : ''}`;
  }
}
