import { useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

/** The route of the current URL; re-renders on navigation and on back/forward. */
export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const { pathname, search } = new URL(url, window.location.origin);
  return parseRoute(pathname, search);
}

/** `replace` swaps the current history entry, for URLs the back button must not return to (a used sign-in callback). */
export function navigate(route: Route | string, { replace = false } = {}): void {
  const href = typeof route === 'string' ? route : routeHref(route);
  if (href === currentUrl()) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

/** For Cloudscape's onFollow events: keeps plain clicks inside the app, lets modified clicks open tabs. */
export function followInApp(event: CustomEvent<{ href?: string; external?: boolean }>): void {
  const href = event.detail.href;
  if (!href || event.detail.external) return;
  event.preventDefault();
  navigate(href);
}
