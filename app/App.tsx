import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Alert from '@cloudscape-design/components/alert';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useMemo, useState } from 'react';
import { AwsClientsContext } from './aws/aws-context';
import { AwsClients } from './aws/clients';
import { cognitoCredentials, type UserPoolLogin } from './aws/credentials';
import type { AppConfig } from './config/app-config';
import { AuthCallbackPage } from './features/auth/AuthCallbackPage';
import type { AuthSession, SessionState } from './features/auth/auth-session';
import { SignInPage } from './features/auth/SignInPage';
import { useSessionNavigation } from './features/auth/use-session-navigation';
import { guestOfThisTab, userOwner } from './features/auth/owner';
import { useSessionState } from './features/auth/use-session-state';
import { BucketsPage } from './features/buckets/BucketsPage';
import { EncryptWizardPage } from './features/encrypt-wizard/EncryptWizardPage';
import { JobPage } from './features/jobs/JobPage';
import { JobsPage } from './features/jobs/JobsPage';
import { ObjectDetailsPage } from './features/object-details/ObjectDetailsPage';
import { ObjectsPage } from './features/objects/ObjectsPage';
import { useJobClients } from './jobs/job-runtime-context';
import { ownerKey, type Owner } from './domain/owner';
import type { EncryptionSelection } from './domain/selection';
import { breadcrumbsOf } from './routing/breadcrumbs';
import { routeHref, type Route } from './routing/routes';
import { followInApp, navigate, useRoute } from './routing/use-route';

type ConsoleRoute = Exclude<Route, { page: 'auth-callback' }>;

/** The objects pages hand their selection to the wizard in memory: thousands of keys do not fit in a URL. */
interface Selections {
  selection: EncryptionSelection | undefined;
  onEditEncryption: (selection: EncryptionSelection) => void;
}

function PageFor({ route, selections, owner }: { route: ConsoleRoute; selections: Selections; owner: Owner }) {
  const { onEditEncryption } = selections;
  switch (route.page) {
    case 'buckets':
      return <BucketsPage ownerKey={ownerKey(owner)} />;
    case 'objects':
      return <ObjectsPage key={`${route.bucket}/${route.prefix}`} bucket={route.bucket} prefix={route.prefix} onEditEncryption={onEditEncryption} />;
    case 'object':
      return (
        <ObjectDetailsPage
          key={`${route.bucket}/${route.key}`}
          bucket={route.bucket}
          objectKey={route.key}
          versionId={route.versionId}
          onEditEncryption={onEditEncryption}
        />
      );
    case 'encrypt':
      return <EncryptWizardPage key={route.bucket} bucket={route.bucket} selection={selections.selection} />;
    case 'jobs':
      return <JobsPage />;
    case 'job':
      return <JobPage key={route.id} jobId={route.id} />;
    case 'not-found':
      return <Alert type="warning" header="Page not found">{`Nothing lives at ${route.path}.`}</Alert>;
  }
}

/** The pages with AWS clients whose credentials are the signed-in user's (`login`) or a guest's; `owner` is whose. */
function ConsolePages({
  config,
  login,
  owner: given,
  route,
}: {
  config: AppConfig;
  login: UserPoolLogin | undefined;
  owner: Owner;
  route: ConsoleRoute;
}) {
  const clients = useMemo(() => new AwsClients(config, cognitoCredentials(config, login)), [config, login]);
  const owner = useSameOwner(given);
  useJobClients(clients, owner);
  const [selection, setSelection] = useState<EncryptionSelection>();
  const onEditEncryption = (chosen: EncryptionSelection) => {
    setSelection(chosen);
    navigate({ page: 'encrypt', bucket: chosen.bucket });
  };
  return (
    <AwsClientsContext.Provider value={clients}>
      <PageFor route={route} selections={{ selection, onEditEncryption }} owner={owner} />
    </AwsClientsContext.Provider>
  );
}

/** Who may see the console now: the signed-in user, a guest where config.json allows them, or no one until they sign in. */
function accessOf(state: SessionState, allowGuests: boolean): 'checking' | 'user' | 'guest' | 'sign-in' | 'session-ended' {
  switch (state.status) {
    case 'starting':
      return 'checking';
    case 'signed-in':
      return 'user';
    case 'signed-out':
      return allowGuests ? 'guest' : 'sign-in';
    case 'expired':
      return 'session-ended';
  }
}

type Access = ReturnType<typeof accessOf>;

function Content({
  config,
  session,
  state,
  route,
  access,
}: {
  config: AppConfig;
  session: AuthSession;
  state: SessionState;
  route: Route;
  access: Access;
}) {
  if (route.page === 'auth-callback') return <AuthCallbackPage session={session} />;
  switch (access) {
    case 'checking':
      return <StatusIndicator type="loading">Checking your sign-in…</StatusIndicator>;
    case 'sign-in':
    case 'session-ended':
      return <SignInPage session={session} expired={access === 'session-ended'} />;
    case 'user':
    case 'guest': {
      const owner = state.status === 'signed-in' ? userOwner(config.cognito.userPool.issuer, state.user) : guestOfThisTab();
      return <ConsolePages config={config} login={access === 'user' ? session.login : undefined} owner={owner} route={route} />;
    }
  }
}

export function App({ config, session }: { config: AppConfig; session: AuthSession }) {
  const route = useRoute();
  const state = useSessionState(session);
  const navigation = useSessionNavigation(session, state, config.cognito.allowGuests);
  const access = accessOf(state, config.cognito.allowGuests);
  const inConsole = route.page !== 'auth-callback' && (access === 'user' || access === 'guest');
  return (
    <>
      <TopNavigation
        identity={{ href: '/', title: 'S3 Encryption Console', onFollow: followInApp }}
        utilities={
          inConsole
            ? [{ type: 'button', text: 'Jobs', href: routeHref({ page: 'jobs' }), onFollow: followInApp }, ...navigation.utilities]
            : navigation.utilities
        }
      />
      <AppLayout
        navigationHide
        toolsHide
        notifications={navigation.notice}
        breadcrumbs={inConsole ? <BreadcrumbGroup items={breadcrumbsOf(route)} onFollow={followInApp} ariaLabel="Breadcrumbs" /> : undefined}
        content={<Content config={config} session={session} state={state} route={route} access={access} />}
      />
    </>
  );
}

/** The same owner object from render to render while it is the same person, so the job runtime reconnects only for another one. */
function useSameOwner(given: Owner): Owner {
  const [owner, setOwner] = useState(given);
  // Adjusting state while rendering, as React advises for a value derived from a prop.
  if (ownerKey(owner) !== ownerKey(given)) setOwner(given);
  return ownerKey(owner) === ownerKey(given) ? owner : given;
}
