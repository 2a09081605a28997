import Alert from '@cloudscape-design/components/alert';
import type { TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import type { ReactNode } from 'react';
import type { AuthSession, SessionState } from './auth-session';
import type { SignedInUser } from './id-token.utils';
import { currentPath, useSignIn } from './use-sign-in';

/** How the top navigation names a signed-in user: AWS users know an identity by its role. */
function userMenuText({ username, roleName }: SignedInUser): string {
  return `${username} (${roleName ?? "the identity pool's authenticated role"})`;
}

function userMenu(user: SignedInUser, signOut: () => void): TopNavigationProps.Utility {
  return {
    type: 'menu-dropdown',
    text: userMenuText(user),
    description: user.email,
    iconName: 'user-profile',
    items: [{ id: 'sign-out', text: 'Sign out' }],
    onItemClick: ({ detail }) => {
      if (detail.id === 'sign-out') signOut();
    },
  };
}

/**
 * The top navigation's side of the session: the user and role with "Sign
 * out" when signed in; "Sign in" for a guest (with why it failed, as a
 * notice for the page, when the user pool cannot be reached). The sign-in
 * page has its own button, so nothing is added there.
 */
export function useSessionNavigation(session: AuthSession, state: SessionState, allowGuests: boolean) {
  const { signIn, redirecting, failure } = useSignIn(session);
  let utilities: TopNavigationProps.Utility[] = [];
  if (state.status === 'signed-in') utilities = [userMenu(state.user, () => void session.signOut())];
  else if (state.status === 'signed-out' && allowGuests) {
    utilities = [{ type: 'button', variant: 'primary-button', text: redirecting ? 'Signing in…' : 'Sign in', onClick: () => signIn(currentPath()) }];
  }
  const notice: ReactNode = failure && (
    <Alert type="error" header="Sign-in could not start">
      {failure}
    </Alert>
  );
  return { utilities, notice };
}
