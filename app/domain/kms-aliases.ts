/** A KMS alias as ListAliases returns it (SDK field names). */
export interface KmsAliasEntry {
  AliasName?: string;
  AliasArn?: string;
  TargetKeyId?: string;
}

/** Alias names by key id and by key ARN, as S3 reports either; a key with several aliases shows the first by name. */
export type KmsAliasNames = ReadonlyMap<string, string>;

export function aliasNamesByKey(aliases: readonly KmsAliasEntry[]): KmsAliasNames {
  const names = new Map<string, string>();
  const sorted = [...aliases].sort((a, b) => (a.AliasName ?? '').localeCompare(b.AliasName ?? ''));
  for (const { AliasName, AliasArn, TargetKeyId } of sorted) {
    // Aliases of no key (AWS-managed aliases not yet used) name nothing.
    if (!AliasName || !TargetKeyId) continue;
    if (!names.has(TargetKeyId)) names.set(TargetKeyId, AliasName);
    const keyArn = keyArnOf(AliasArn, TargetKeyId);
    if (keyArn && !names.has(keyArn)) names.set(keyArn, AliasName);
  }
  return names;
}

/** An alias ARN holds the partition, region and account its key lives in. */
function keyArnOf(aliasArn: string | undefined, keyId: string): string | undefined {
  const at = aliasArn?.indexOf(':alias/') ?? -1;
  return aliasArn && at > 0 ? `${aliasArn.slice(0, at)}:key/${keyId}` : undefined;
}
