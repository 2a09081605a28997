import type { KmsAliasNames } from '../../domain/kms-aliases';

export interface KmsKeyOption {
  /** The key's ARN: the job needs it, not an alias. */
  value: string;
  label: string;
  description?: string;
}

/** One option per key of the region (ListKeys), named by its alias where it has one; aliased keys first, by name. */
export function kmsKeyOptions(keyArns: readonly string[], aliases: KmsAliasNames | undefined): KmsKeyOption[] {
  const options = keyArns.map((keyArn): KmsKeyOption => {
    const alias = aliases?.get(keyArn);
    return alias ? { value: keyArn, label: alias, description: keyArn } : { value: keyArn, label: keyArn };
  });
  const aliased = (option: KmsKeyOption) => (option.description ? 0 : 1);
  return options.sort((a, b) => aliased(a) - aliased(b) || a.label.localeCompare(b.label));
}
