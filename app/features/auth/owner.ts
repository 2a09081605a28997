import type { Owner } from '../../domain/owner';
import type { SignedInUser } from './id-token.utils';

const GUEST_TAB_KEY = 's3-encryption-console:guest-tab';

/** The signed-in user as the owner of their jobs and added buckets: the user pool's issuer and their `sub`. */
export function userOwner(issuer: string, user: SignedInUser): Owner {
  return { kind: 'user', issuer, sub: user.sub };
}

/**
 * A guest has no `sub`: their jobs and added buckets belong to this tab's
 * guest, named by an id kept in sessionStorage (so a reload keeps it, and
 * no other tab or later visit shares it).
 */
export function guestOfThisTab(): Owner {
  try {
    let tab = window.sessionStorage.getItem(GUEST_TAB_KEY);
    if (!tab) {
      tab = crypto.randomUUID();
      window.sessionStorage.setItem(GUEST_TAB_KEY, tab);
    }
    return { kind: 'guest', tab };
  } catch {
    // Without sessionStorage the guest is this page's, until it is left.
    return { kind: 'guest', tab: crypto.randomUUID() };
  }
}
