import { routeHref, type Route } from './routes';

export interface Crumb {
  text: string;
  href: string;
}

/** Buckets › bucket › each folder of the prefix (or key) › the object, as the AWS console shows them; Buckets › Jobs › a job. */
export function breadcrumbsOf(route: Route): Crumb[] {
  const crumbs: Crumb[] = [{ text: 'Buckets', href: routeHref({ page: 'buckets' }) }];
  if (route.page === 'jobs' || route.page === 'job') {
    crumbs.push({ text: 'Jobs', href: routeHref({ page: 'jobs' }) });
    if (route.page === 'job') crumbs.push({ text: route.id, href: routeHref(route) });
    return crumbs;
  }
  if (route.page === 'encrypt') {
    crumbs.push({ text: route.bucket, href: routeHref({ page: 'objects', bucket: route.bucket, prefix: '' }) });
    crumbs.push({ text: 'Edit server-side encryption', href: routeHref(route) });
    return crumbs;
  }
  if (route.page !== 'objects' && route.page !== 'object') return crumbs;
  crumbs.push({ text: route.bucket, href: routeHref({ page: 'objects', bucket: route.bucket, prefix: '' }) });
  const path = route.page === 'objects' ? route.prefix : route.key;
  const folders = path.split('/').slice(0, -1);
  let prefix = '';
  for (const folder of folders) {
    prefix += `${folder}/`;
    crumbs.push({ text: folder === '' ? '/' : folder, href: routeHref({ page: 'objects', bucket: route.bucket, prefix }) });
  }
  if (route.page === 'object') crumbs.push({ text: path.split('/').pop() || path, href: routeHref(route) });
  return crumbs;
}
