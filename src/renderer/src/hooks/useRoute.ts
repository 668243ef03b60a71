import { useSyncExternalStore } from 'react';
import { hrefOf, parseRoute, type Route } from './route';

const subscribe = (fn: () => void) => {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route) {
  window.location.hash = hrefOf(route);
}

/** The same page in a new browser tab: how projects open side by side in browser mode. */
export function openInNewTab(route: Route) {
  window.open(`${window.location.pathname}${hrefOf(route)}`, '_blank', 'noopener');
}
