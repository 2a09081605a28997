import type { Decision } from './evaluate.js';

/** Why a request was refused: who asked, for what, and which kind of deny. */
export interface AccessDenial {
  principalArn: string;
  action: string;
  resource: string;
  decision: Exclude<Decision, 'Allow'>;
}

/**
 * The message AWS gives the caller for an identity-based denial, so the
 * console can name the missing permission. S3 quotes the resource and leaves
 * out `on resource` for actions on `*` (s3:ListAllMyBuckets); KMS does neither.
 */
export function accessDeniedMessage(denial: AccessDenial): string {
  const isS3 = denial.action.toLowerCase().startsWith('s3:');
  const onResource = isS3 ? (denial.resource === '*' ? '' : ` on resource: "${denial.resource}"`) : ` on resource: ${denial.resource}`;
  const reason =
    denial.decision === 'ExplicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${denial.action} action`;
  return `User: ${denial.principalArn} is not authorized to perform: ${denial.action}${onResource} ${reason}`;
}
