/**
 * The console's URLs. Bucket names are path segments; prefixes and object
 * keys travel in the query string, URL-encoded, so any key S3 allows
 * (spaces, '?', '#', '%', '//', unicode) survives a reload or a shared link.
 */
export type Route =
  | { page: 'buckets' }
  | { page: 'auth-callback' }
  | { page: 'objects'; bucket: string; prefix: string }
  | { page: 'object'; bucket: string; key: string; versionId?: string }
  /** The encryption wizard for objects selected in the bucket (the selection itself stays in memory). */
  | { page: 'encrypt'; bucket: string }
  | { page: 'jobs' }
  | { page: 'job'; id: string }
  | { page: 'not-found'; path: string };

/** Where the user pool's managed login sends the browser back after sign-in (the app client's callback URL). */
export const AUTH_CALLBACK_PATH = '/auth/callback';

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === AUTH_CALLBACK_PATH) return { page: 'auth-callback' };
  const params = new URLSearchParams(search);
  const segments = pathname.split('/').filter(Boolean).map(safeDecode);
  if (segments.length === 0) return { page: 'buckets' };
  if (segments[0] === 'buckets' && segments.length === 2) {
    return { page: 'objects', bucket: segments[1], prefix: params.get('prefix') ?? '' };
  }
  if (segments[0] === 'jobs' && segments.length <= 2) {
    return segments.length === 1 ? { page: 'jobs' } : { page: 'job', id: segments[1] };
  }
  if (segments[0] === 'buckets' && segments.length === 3 && segments[2] === 'encrypt') return { page: 'encrypt', bucket: segments[1] };
  if (segments[0] === 'buckets' && segments.length === 3 && segments[2] === 'object') {
    const key = params.get('key');
    if (key !== null && key !== '') {
      const versionId = params.get('versionId') ?? undefined;
      return { page: 'object', bucket: segments[1], key, ...(versionId ? { versionId } : {}) };
    }
  }
  return { page: 'not-found', path: pathname };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'buckets':
      return '/';
    case 'auth-callback':
      return AUTH_CALLBACK_PATH;
    case 'objects': {
      const base = `/buckets/${encodeURIComponent(route.bucket)}`;
      return route.prefix ? `${base}?${new URLSearchParams({ prefix: route.prefix })}` : base;
    }
    case 'object': {
      const params = new URLSearchParams({ key: route.key });
      if (route.versionId) params.set('versionId', route.versionId);
      return `/buckets/${encodeURIComponent(route.bucket)}/object?${params}`;
    }
    case 'encrypt':
      return `/buckets/${encodeURIComponent(route.bucket)}/encrypt`;
    case 'jobs':
      return '/jobs';
    case 'job':
      return `/jobs/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return route.path;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
