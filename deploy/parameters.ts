import { AUTH_CALLBACK_PATH } from '../app/routing/routes.js';
import { ref, type CfnParameter, type CfnValue } from './cloudformation.js';

/** The template's parameters: what differs from one deployment to another. */

const URL_PATH = '^/[A-Za-z0-9._~/-]*$';

export const PARAMETERS = {
  BucketNames: {
    Type: 'CommaDelimitedList',
    Description: 'The buckets the console works on, comma-separated (the same list goes into config.json "buckets").',
  },
  KmsKeyArns: {
    Type: 'CommaDelimitedList',
    Description:
      'The KMS key ARNs the console may use through S3 (to read SSE-KMS objects and to re-encrypt under), comma-separated. ' +
      'Required: name the keys, as there is no safe default.',
    // CloudFormation matches each member of a list against the pattern: full key ARNs only, never * or an alias.
    AllowedPattern: '^arn:aws:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$',
    ConstraintDescription: 'KMS key ARNs such as arn:aws:kms:REGION:ACCOUNT:key/KEY-ID, comma-separated',
  },
  ConsoleOrigin: {
    Type: 'String',
    Description: 'Where the console is served: https://HOST[:PORT], no path and no trailing slash (http://localhost for a try-out).',
    AllowedPattern: '^(https://[a-z0-9.-]+|http://localhost)(:[0-9]{1,5})?$',
    ConstraintDescription: 'an https origin such as https://console.example.com, or http://localhost[:PORT]',
  },
  CallbackPath: {
    Type: 'String',
    Description: "The console's sign-in callback, where managed login sends the browser back (config.json's cognito.userPool.redirectPath).",
    Default: AUTH_CALLBACK_PATH,
    AllowedPattern: URL_PATH,
  },
  SignOutPath: {
    Type: 'String',
    Description: "Where managed login's /logout sends the browser back (config.json's cognito.userPool.signOutPath).",
    // The console's home page, as config.json's default.
    Default: '/',
    AllowedPattern: URL_PATH,
  },
  DomainPrefix: {
    Type: 'String',
    Description:
      'The managed login domain: https://PREFIX.auth.REGION.amazoncognito.com. Unique in the region; ' +
      'Cognito refuses prefixes containing aws, amazon or cognito.',
    AllowedPattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
    ConstraintDescription: 'lower-case letters, digits and hyphens, 1 to 63 characters',
  },
  AllowGuests: {
    Type: 'String',
    Description:
      'Whether the identity pool gives credentials to visitors who do not sign in. On AWS their credentials are ' +
      "scoped down by Cognito's AmazonCognitoUnAuthedIdentitiesSessionPolicy, which does not allow S3.",
    Default: 'false',
    AllowedValues: ['true', 'false'],
  },
} as const satisfies Record<string, CfnParameter>;

export type ParameterName = keyof typeof PARAMETERS;

export const param = (name: ParameterName): CfnValue => ref(name);

export const CONDITIONS = {
  GuestsAllowed: { 'Fn::Equals': [param('AllowGuests'), 'true'] },
} as const satisfies Record<string, CfnValue>;

export type ConditionName = keyof typeof CONDITIONS;
