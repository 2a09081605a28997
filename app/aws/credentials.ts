import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AppConfig } from '../config/app-config';

export type CredentialProvider = ReturnType<typeof fromCognitoIdentityPool>;

/** A user pool sign-in as the identity pool's Logins take it. */
export interface UserPoolLogin {
  /** The Logins key: the pool's issuer without its scheme (cognito-idp.REGION.amazonaws.com/POOL_ID). */
  providerName: string;
  /**
   * The current ID token, renewed when it is about to expire. The SDK calls it
   * each time it asks the identity pool for credentials (first use, and
   * within five minutes of their expiry), so new credentials are never
   * requested with a stale token. It must return a promise: the SDK calls
   * `.then` on what it gets.
   */
  idToken: () => Promise<string>;
}

/** How an identity pool's Logins name a user pool: its issuer without the scheme. */
export function userPoolProviderName(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

/**
 * Temporary credentials from the Cognito identity pool: for the signed-in
 * user when there is a login (the role comes from their ID token), else for
 * a guest. Each SDK client caches them and asks again before they expire.
 */
export function cognitoCredentials(config: AppConfig, login?: UserPoolLogin): CredentialProvider {
  return fromCognitoIdentityPool({
    identityPoolId: config.cognito.identityPoolId,
    clientConfig: { region: config.region, endpoint: config.cognito.endpoint },
    ...(login && { logins: { [login.providerName]: login.idToken } }),
  });
}
