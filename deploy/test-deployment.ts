import { readFileSync } from 'node:fs';
import type { CfnTemplate } from './cloudformation.js';
import { resolveTemplate, type Resolved, type ResolvedStack } from './resolve-intrinsics.js';

/** For tests: the committed template deployed in a made-up account, with the ids CloudFormation and Cognito would make. */

export const REGION = 'eu-west-1';
export const ACCOUNT_ID = '111122223333';
export const CONSOLE_ORIGIN = 'https://console.example.com';
export const DOMAIN_PREFIX = 'example-console';
export const LISTED_BUCKETS = ['finance-reports', 'legacy-archive'];
export const kmsKeyArnOf = (id: string, account = ACCOUNT_ID, region = REGION) => `arn:aws:kms:${region}:${account}:key/${id}`;
export const APPROVED_KEY = kmsKeyArnOf('1234abcd-12ab-34cd-56ef-1234567890ab');
export const USER_POOL_ID = `${REGION}_Ab12Cd34E`;
export const CLIENT_ID = '4example5client6id7abcdefg';
export const IDENTITY_POOL_ID = `${REGION}:0f1e2d3c-4b5a-4697-8877-665544332211`;
export const PROVIDER_NAME = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;

const STACK_NAME = 'console';

export const roleArnOf = (logicalId: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${STACK_NAME}-${logicalId}-1A2B3C4D5E6F`;

export const committedTemplate = (): CfnTemplate => JSON.parse(readFileSync(new URL('console-stack.json', import.meta.url), 'utf8')) as CfnTemplate;

/** The stack for LISTED_BUCKETS, APPROVED_KEY, CONSOLE_ORIGIN and DOMAIN_PREFIX; `parameters` add to those or replace them. */
export function deployConsoleStack(parameters: Record<string, string> = {}): ResolvedStack {
  const template = committedTemplate();
  const roles = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::IAM::Role');
  return resolveTemplate(template, {
    parameters: {
      BucketNames: LISTED_BUCKETS.join(','),
      KmsKeyArns: APPROVED_KEY,
      ConsoleOrigin: CONSOLE_ORIGIN,
      DomainPrefix: DOMAIN_PREFIX,
      ...parameters,
    },
    region: REGION,
    accountId: ACCOUNT_ID,
    stackName: STACK_NAME,
    physicalIds: {
      UserPool: USER_POOL_ID,
      UserPoolClient: CLIENT_ID,
      IdentityPool: IDENTITY_POOL_ID,
      UserPoolDomain: DOMAIN_PREFIX,
    },
    attributes: {
      'UserPool.ProviderName': PROVIDER_NAME,
      ...Object.fromEntries(roles.map((id) => [`${id}.Arn`, roleArnOf(id)])),
    },
  });
}

/** A resolved resource's property, for reading into it without casts at every step. */
export function propertiesOf(stack: ResolvedStack, logicalId: string): Record<string, Resolved> {
  const resource = stack.resources[logicalId];
  if (!resource) throw new Error(`The stack has no resource ${logicalId}`);
  return resource.Properties;
}
