import { encryptionHeaderVisibility, exposedHeaders, SAFELISTED_RESPONSE_HEADERS, type CorsRuleView } from '../../domain/cors-visibility';
import type { HeaderVisibility } from '../../domain/encryption';

export const HIDDEN_BY_CORS = "Hidden from the browser by the bucket's CORS rules";

/**
 * What the browser can see of this bucket's response headers. A hidden header
 * looks exactly like an absent one, so an absent value is only "not set" when
 * its header is readable.
 */
export interface HeaderAccess {
  encryption: HeaderVisibility;
  canRead: (header: string) => boolean;
  /** The `x-amz-meta-*` headers the rule exposes; undefined when the rules are unknown. */
  exposedMetadata?: string[];
}

/** `rules` undefined: they could not be read, so nothing is marked hidden and the encryption reading says so. */
export function headerAccessOf(rules: CorsRuleView[] | undefined, origin: string): HeaderAccess {
  const encryption = encryptionHeaderVisibility(rules, origin);
  if (rules === undefined) return { encryption, canRead: () => true };
  const exposed = exposedHeaders(rules, origin) ?? new Set<string>();
  return {
    encryption,
    canRead: (header) => SAFELISTED_RESPONSE_HEADERS.has(header.toLowerCase()) || exposed.has(header.toLowerCase()),
    exposedMetadata: [...exposed].filter((header) => header.startsWith('x-amz-meta-')).sort(),
  };
}

/** CORS has no wildcard for user metadata: a browser sees only the `x-amz-meta-*` names a rule lists. */
export function userMetadataNotice(access: HeaderAccess): string {
  if (access.exposedMetadata === undefined) {
    return "A browser sees only the user metadata the bucket's CORS rule exposes by name; the rules could not be read, so some may be hidden.";
  }
  if (access.exposedMetadata.length === 0) {
    return "The bucket's CORS rule exposes no x-amz-meta-* header, so any user metadata is hidden from the browser.";
  }
  return `A browser sees only the user metadata the bucket's CORS rule exposes by name (${access.exposedMetadata.join(', ')}); any other entry is hidden from it.`;
}
