import { checkCustomerKey, rememberCustomerKey, type CustomerKey } from '../../domain/customer-key';
import { checkKmsKeyArn } from '../../domain/jobs/kms-key-arn';
import type { TargetEncryption } from '../../domain/jobs/target-encryption';

export type EncryptionKindChoice = TargetEncryption['kind'];

/** What the user has chosen so far in the wizard's first step; plain data. */
export interface EncryptionChoice {
  kind: EncryptionKindChoice;
  /** A key picked from the list (its ARN) or an ARN typed in. */
  kmsKey: { source: 'list'; keyArn?: string } | { source: 'arn'; text: string };
  bucketKey: boolean;
  /** Base64 of 32 bytes, generated here or pasted. */
  customerKeyText: string;
  customerKeySaved: boolean;
}

export const INITIAL_CHOICE: EncryptionChoice = {
  kind: 'SSE-S3',
  kmsKey: { source: 'list' },
  bucketKey: true,
  customerKeyText: '',
  customerKeySaved: false,
};

/** What KMS said of the chosen key (DescribeKey), once asked. */
export type KeyLookup = { status: 'pending' } | { status: 'found'; enabled: boolean; keyState?: string } | { status: 'failed'; message: string };

export interface ChoiceContext {
  bucketRegion: string;
  key: KeyLookup | undefined;
  /** Why SSE-C cannot be offered here; undefined when it can. */
  sseCUnavailable?: string;
}

export type ChoiceField = 'kind' | 'kmsKey' | 'customerKey' | 'customerKeySaved';

export type ChoiceCheck =
  | { valid: true; target: TargetEncryption | { kind: 'SSE-C'; customerKey: CustomerKey } }
  | { valid: false; errors: Partial<Record<ChoiceField, string>> };

/** The typed or picked key ARN, checked for format and region; undefined while nothing is chosen. */
export function chosenKmsKeyArn(choice: EncryptionChoice, bucketRegion: string): { keyArn?: string; problem?: string } {
  if (choice.kmsKey.source === 'list') {
    return choice.kmsKey.keyArn ? { keyArn: choice.kmsKey.keyArn } : { problem: 'Choose a KMS key.' };
  }
  const check = checkKmsKeyArn(choice.kmsKey.text, bucketRegion);
  return check.valid ? { keyArn: check.keyArn } : { problem: check.problem };
}

function keyProblem(lookup: KeyLookup | undefined): string | undefined {
  if (!lookup || lookup.status === 'pending') return 'Checking the key with KMS (DescribeKey)…';
  if (lookup.status === 'failed') return `KMS cannot describe this key: ${lookup.message}`;
  if (!lookup.enabled) return `This key is not enabled (${lookup.keyState ?? 'disabled'}): S3 cannot encrypt with it.`;
  return undefined;
}

/**
 * Checks the first step and builds the target. An SSE-C target comes without
 * its MD5, which needs the SDK's hash (see customer-key.utils.ts).
 */
export function checkEncryptionChoice(choice: EncryptionChoice, context: ChoiceContext): ChoiceCheck {
  switch (choice.kind) {
    case 'SSE-S3':
      return { valid: true, target: { kind: 'SSE-S3' } };
    case 'SSE-KMS':
    case 'DSSE-KMS': {
      const { keyArn, problem } = chosenKmsKeyArn(choice, context.bucketRegion);
      const found = keyArn ? keyProblem(context.key) : problem;
      if (found || !keyArn) return { valid: false, errors: { kmsKey: found } };
      return {
        valid: true,
        target: choice.kind === 'SSE-KMS' ? { kind: 'SSE-KMS', keyArn, bucketKey: choice.bucketKey } : { kind: 'DSSE-KMS', keyArn },
      };
    }
    case 'SSE-C': {
      if (context.sseCUnavailable) return { valid: false, errors: { kind: context.sseCUnavailable } };
      const key = checkCustomerKey(choice.customerKeyText);
      const errors: Partial<Record<ChoiceField, string>> = {};
      if (!key.valid) errors.customerKey = choice.customerKeyText.trim() === '' ? 'Generate a key or paste one.' : key.problem;
      if (!choice.customerKeySaved)
        errors.customerKeySaved = 'Confirm that you saved the key: S3 does not keep it, and without it the objects cannot be read.';
      if (Object.keys(errors).length > 0) return { valid: false, errors };
      return { valid: true, target: { kind: 'SSE-C', customerKey: rememberCustomerKey(choice.customerKeyText.trim()) } };
    }
  }
}
