import type { AwsProblem } from '../../domain/aws-error';
import type { KmsAliasNames } from '../../domain/kms-aliases';
import { NOT_SET } from './format.utils';

/** The region in a KMS key ARN (`arn:aws:kms:REGION:ACCOUNT:key/ID`): aliases are listed per region. */
export function regionOfKeyArn(keyArn: string | undefined): string | undefined {
  const parts = keyArn?.split(':');
  return parts && parts.length >= 6 && parts[0] === 'arn' && parts[2] === 'kms' && parts[3] ? parts[3] : undefined;
}

export type AliasLookup = { status: 'pending' } | { status: 'error'; problem: AwsProblem } | { status: 'success'; names: KmsAliasNames };

/** `alias` only when KMS named one; `text` says what the page shows in its place otherwise. */
export function kmsAliasOf(keyArn: string | undefined, lookup: AliasLookup): { alias?: string; text: string } {
  if (!keyArn) return { text: NOT_SET };
  switch (lookup.status) {
    case 'pending':
      return { text: 'Looking up…' };
    case 'error':
      return { text: `Not resolved: KMS ListAliases failed (${lookup.problem.code}); the key ARN identifies the key` };
    case 'success': {
      const alias = lookup.names.get(keyArn);
      return alias ? { alias, text: alias } : { text: 'No alias' };
    }
  }
}
