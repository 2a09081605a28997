import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AppConfig } from '../config/app-config';

export type CredentialProvider = ReturnType<typeof fromCognitoIdentityPool>;

/**
 * Temporary credentials from the Cognito identity pool. The SDK provider
 * caches them and fetches new ones before they expire.
 */
export function cognitoCredentials(config: AppConfig): CredentialProvider {
  return fromCognitoIdentityPool({
    identityPoolId: config.cognito.identityPoolId,
    clientConfig: { region: config.region, endpoint: config.cognito.endpoint },
  });
}
