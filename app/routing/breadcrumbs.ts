import { routeHref, type Route } from './routes';

export interface Crumb {
  text: string;
  href: string;
}

/** Buckets › bucket › each folder of the prefix (or key) › the object, as the AWS console shows them. */
export function breadcrumbsOf(route: Route): Crumb[] {
  const crumbs: Crumb[] = [{ text: 'Buckets', href: routeHref({ page: 'buckets' }) }];
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
