import {
  bucketObjectsArn,
  CONSOLE_POLICY_NAME,
  CONSOLE_ROLES,
  consoleRoleStatements,
  type ConsoleRoleName,
} from '../emulator/iam/console-policies.js';
import { s3ViaService } from '../emulator/iam/kms-actions.js';
import { bucketArn } from '../emulator/iam/s3-actions.js';
import { formatEach, getAtt, ref, sub, type CfnResource, type CfnValue } from './cloudformation.js';
import { IDENTITY_POOL } from './logical-ids.js';
import { param, type ConditionName } from './parameters.js';

/**
 * The console's three IAM roles, with the stack's own policy statements
 * (emulator/iam/console-policies.ts) scoped to the template's parameters.
 * The template is for AWS's commercial partition: bucket ARNs are made from
 * literal text (see formatEach), as s3-actions makes them.
 */

/** The issuer of the tokens roles are assumed with through an identity pool. */
const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';

export const GUESTS_ALLOWED: ConditionName = 'GuestsAllowed';

const STATEMENT_VALUES = {
  buckets: formatEach(param('BucketNames'), bucketArn),
  objects: formatEach(param('BucketNames'), (name) => bucketObjectsArn(bucketArn(name))),
  keys: param('KmsKeyArns'),
  s3Service: sub(s3ViaService('${AWS::Region}')),
};

/** Which sign-in may assume each role: the identity pool's `amr` claim. */
const SIGN_IN: Record<ConsoleRoleName, 'authenticated' | 'unauthenticated'> = {
  [CONSOLE_ROLES.reEncrypt]: 'authenticated',
  [CONSOLE_ROLES.readOnly]: 'authenticated',
  [CONSOLE_ROLES.guest]: 'unauthenticated',
};

const DESCRIPTIONS: Record<ConsoleRoleName, string> = {
  [CONSOLE_ROLES.reEncrypt]: 'S3 Encryption Console, group re-encrypt: reads, and re-encrypting objects in place under the allowed KMS keys',
  [CONSOLE_ROLES.readOnly]: 'S3 Encryption Console, group read-only or no group: reads only',
  [CONSOLE_ROLES.guest]: 'S3 Encryption Console, visitors who do not sign in: reads only',
};

/** Only tokens the identity pool issued, for the sign-in the role is meant for, may assume it. */
function trustPolicy(signIn: 'authenticated' | 'unauthenticated'): CfnValue {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: COGNITO_IDENTITY },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${COGNITO_IDENTITY}:aud`]: ref(IDENTITY_POOL) },
          'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: signIn },
        },
      },
    ],
  };
}

export function roleResources(): Record<ConsoleRoleName, CfnResource> {
  const statements = consoleRoleStatements(STATEMENT_VALUES);
  const role = (name: ConsoleRoleName): CfnResource => ({
    Type: 'AWS::IAM::Role',
    ...(SIGN_IN[name] === 'unauthenticated' && { Condition: GUESTS_ALLOWED }),
    Properties: {
      Description: DESCRIPTIONS[name],
      AssumeRolePolicyDocument: trustPolicy(SIGN_IN[name]),
      Policies: [{ PolicyName: CONSOLE_POLICY_NAME, PolicyDocument: { Version: '2012-10-17', Statement: statements[name] } }],
    },
  });
  return {
    [CONSOLE_ROLES.reEncrypt]: role(CONSOLE_ROLES.reEncrypt),
    [CONSOLE_ROLES.readOnly]: role(CONSOLE_ROLES.readOnly),
    [CONSOLE_ROLES.guest]: role(CONSOLE_ROLES.guest),
  };
}

export const roleArn = (name: ConsoleRoleName) => getAtt(name, 'Arn');
