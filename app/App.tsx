import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Alert from '@cloudscape-design/components/alert';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { BucketsPage } from './features/buckets/BucketsPage';
import { ObjectDetailsPage } from './features/object-details/ObjectDetailsPage';
import { ObjectsPage } from './features/objects/ObjectsPage';
import { breadcrumbsOf } from './routing/breadcrumbs';
import type { Route } from './routing/routes';
import { followInApp, useRoute } from './routing/use-route';

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'buckets':
      return <BucketsPage />;
    case 'objects':
      return <ObjectsPage key={`${route.bucket}/${route.prefix}`} bucket={route.bucket} prefix={route.prefix} />;
    case 'object':
      return <ObjectDetailsPage key={`${route.bucket}/${route.key}`} bucket={route.bucket} objectKey={route.key} versionId={route.versionId} />;
    case 'not-found':
      return <Alert type="warning" header="Page not found">{`Nothing lives at ${route.path}.`}</Alert>;
  }
}

export function App() {
  const route = useRoute();
  return (
    <>
      <TopNavigation identity={{ href: '/', title: 'S3 Encryption Console', onFollow: followInApp }} />
      <AppLayout
        navigationHide
        toolsHide
        breadcrumbs={<BreadcrumbGroup items={breadcrumbsOf(route)} onFollow={followInApp} ariaLabel="Breadcrumbs" />}
        content={<PageFor route={route} />}
      />
    </>
  );
}
