/**
 * Whose data this browser keeps (jobs, added buckets): a user of the user
 * pool, named by its issuer and `sub` (never reused, unlike a username), or
 * the guest of one tab, who has no `sub` (see ARCHITECTURE.md).
 */
export type Owner = { kind: 'user'; issuer: string; sub: string } | { kind: 'guest'; tab: string };

/** One string per owner: storage keys are made of it, and owners are compared by it. */
export function ownerKey(owner: Owner): string {
  return owner.kind === 'user' ? `user:${owner.issuer}#${owner.sub}` : `guest:${owner.tab}`;
}

/** Whether `recorded` (absent on records kept before owners were) is `owner`: an unowned record is nobody's. */
export function isOwnedBy(recorded: Owner | undefined, owner: Owner): boolean {
  return recorded !== undefined && ownerKey(recorded) === ownerKey(owner);
}
