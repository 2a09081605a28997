import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { UserPoolConfig } from '../../config/app-config';
import { userPoolProviderName, type UserPoolLogin } from '../../aws/credentials';
import { idTokenNeedsRenewal, signedInUserOf, type SignedInUser } from './id-token.utils';
import { cognitoLogoutUrl, cognitoRevokeUrl, newNonce, safeReturnPath, signInRedirectUri } from './sign-in-urls.utils';

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SignedInUser }
  /** The refresh token was refused (expired or revoked): only a new sign-in helps. */
  | { status: 'expired' };

const STARTING: SessionState = { status: 'starting' };
const SIGNED_OUT: SessionState = { status: 'signed-out' };
const EXPIRED: SessionState = { status: 'expired' };

function signedIn(user: User): SessionState {
  return { status: 'signed-in', user: signedInUserOf(user.profile) };
}

const nowSeconds = () => Date.now() / 1000;

/** How long sign-out waits for the user pool to revoke the refresh token before it goes on without. */
const REVOCATION_TIMEOUT_MS = 5_000;

class SessionEndedError extends Error {
  override name = 'SessionEnded';
}

/**
 * The user's sign-in to the Cognito user pool, through oidc-client-ts:
 * authorization code with PKCE (S256) on the managed login, tokens renewed
 * with the refresh token (Cognito has no prompt=none), and the ID token
 * handed to the identity pool. Tokens live in sessionStorage (see
 * ARCHITECTURE.md). React reads the state through subscribe/getState.
 */
export class AuthSession {
  private state: SessionState = STARTING;
  private readonly listeners = new Set<() => void>();
  private readonly manager: UserManager;
  /** One refresh at a time, however many SDK clients ask for the token at once. */
  private renewal: Promise<User> | undefined;
  /** The callback is completed once per URL, even when React runs its effect twice. */
  private readonly callbacks = new Map<string, Promise<string>>();
  private readonly signOutSteps: Array<() => Promise<void>> = [];

  /** The identity pool login for this session; the same object for the session's whole life. */
  readonly login: UserPoolLogin;

  constructor(
    private readonly userPool: UserPoolConfig,
    private readonly origin: string,
  ) {
    const store = new WebStorageStateStore({ store: window.sessionStorage });
    this.manager = new UserManager({
      authority: userPool.issuer,
      client_id: userPool.clientId,
      redirect_uri: signInRedirectUri(userPool, origin),
      response_type: 'code',
      scope: 'openid email profile',
      // Renews with the refresh token before the access token expires.
      automaticSilentRenew: true,
      userStore: store,
      // The PKCE verifier, nonce and return path too: nothing of the sign-in outlives the tab.
      stateStore: store,
      metadataSeed: { revocation_endpoint: cognitoRevokeUrl(userPool) },
    });
    this.manager.events.addUserLoaded((user) => this.setState(signedIn(user)));
    this.manager.events.addUserUnloaded(() => this.setState(SIGNED_OUT));
    this.manager.events.addSilentRenewError((error) => void this.renewalFailed(error));
    this.login = { providerName: userPoolProviderName(userPool.issuer), idToken: () => this.idToken() };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  /** Reads the stored sign-in; an ID token about to expire is renewed first, so the console never starts with a stale one. */
  async start(): Promise<void> {
    const user = await this.manager.getUser();
    if (!user) return this.setState(SIGNED_OUT);
    if (idTokenNeedsRenewal(user.profile, nowSeconds())) {
      // A refused renewal makes the state 'expired'; a network failure leaves the stored user for a later try.
      await this.renew(user).catch(() => undefined);
    }
    if (this.state === STARTING) this.setState(signedIn(user));
  }

  /**
   * Sends the browser to the managed login; it comes back to `returnTo`.
   * The request carries a fresh nonce, kept with the sign-in state, which
   * oidc-client-ts compares with the ID token's `nonce` claim on the callback,
   * so an ID token minted for another request is refused.
   */
  signIn(returnTo: string): Promise<void> {
    return this.manager.signinRedirect({ state: safeReturnPath(returnTo, this.origin), nonce: newNonce() });
  }

  /** Exchanges the callback URL's code for tokens; resolves to the path the user signed in from. */
  completeSignIn(callbackUrl: string): Promise<string> {
    let completion = this.callbacks.get(callbackUrl);
    if (!completion) {
      completion = this.manager.signinRedirectCallback(callbackUrl).then((user) => safeReturnPath(user.state, this.origin));
      this.callbacks.set(callbackUrl, completion);
    }
    return completion;
  }

  /** Runs `step` when the user signs out, while their tokens still exist (a failing step does not keep them signed in). */
  beforeSignOut(step: () => Promise<void>): void {
    this.signOutSteps.push(step);
  }

  /**
   * Runs the sign-out steps (the user's jobs pause while their credentials
   * still work), revokes the refresh token (Cognito's /oauth2/revoke, which
   * also ends the access tokens issued with it), forgets the tokens, then ends
   * the managed login session through Cognito's /logout, which comes back to
   * the sign-out path. /logout alone leaves issued tokens valid.
   */
  async signOut(): Promise<void> {
    await Promise.all(this.signOutSteps.map((step) => step().catch(() => undefined)));
    await this.revokeRefreshToken();
    await this.manager.removeUser();
    window.location.assign(cognitoLogoutUrl(this.userPool, this.origin));
  }

  /**
   * A revocation that fails or does not answer in time must not keep the
   * user signed in: sign-out goes on, and the console says in its log that
   * the refresh token stays valid until it expires.
   */
  private async revokeRefreshToken(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${REVOCATION_TIMEOUT_MS / 1000} s`)), REVOCATION_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.manager.revokeTokens(['refresh_token']), timeout]);
    } catch (error) {
      console.warn('Signed out without revoking the refresh token, which stays valid until it expires:', error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The ID token for the identity pool, renewed first when it is about to expire. */
  async idToken(): Promise<string> {
    const user = await this.manager.getUser();
    if (!user?.id_token) throw new Error('Not signed in: sign in to get credentials.');
    if (!idTokenNeedsRenewal(user.profile, nowSeconds())) return user.id_token;
    const renewed = await this.renew(user);
    if (!renewed.id_token) throw new Error('The user pool renewed the session without an ID token.');
    return renewed.id_token;
  }

  private renew(user: User): Promise<User> {
    this.renewal ??= this.refresh(user).finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async refresh(user: User): Promise<User> {
    try {
      // Without a refresh token oidc-client-ts would try prompt=none in an iframe, which Cognito does not offer.
      if (!user.refresh_token) throw new SessionEndedError('The session has no refresh token.');
      const renewed = await this.manager.signinSilent();
      if (!renewed) throw new Error('The user pool did not renew the session.');
      return renewed;
    } catch (error) {
      await this.renewalFailed(error);
      throw error;
    }
  }

  /**
   * The user pool refused the refresh token (an OAuth error such as
   * invalid_grant: it expired or was revoked), or there is none: the session
   * is over. Other failures (the network) may pass, so the session stays.
   */
  private async renewalFailed(error: unknown): Promise<void> {
    if (!(error instanceof ErrorResponse || error instanceof SessionEndedError)) return;
    await this.manager.removeUser();
    this.setState(EXPIRED);
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
