import AppLayout from '@cloudscape-design/components/app-layout';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { BucketsPage } from './features/buckets/BucketsPage';

export function App() {
  return (
    <>
      <TopNavigation identity={{ href: '/', title: 'S3 Encryption Console' }} />
      <AppLayout
        navigationHide
        toolsHide
        content={
          <ContentLayout header={<Header variant="h1">Find and fix unencrypted S3 objects</Header>}>
            <BucketsPage />
          </ContentLayout>
        }
      />
    </>
  );
}
