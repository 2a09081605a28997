/**
 * SSE-C keys the user typed. They live in this module's memory only: never
 * in storage, URLs, logs or query keys (queries name a key by its id).
 */
export interface CustomerKey {
  id: string;
  /** Base64 of the 32-byte AES-256 key, as S3's SSECustomerKey takes it. */
  keyBase64: string;
}

export type CustomerKeyCheck = { valid: true; bytes: Uint8Array } | { valid: false; problem: string };

export function checkCustomerKey(text: string): CustomerKeyCheck {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    return { valid: false, problem: 'The key must be base64 (A–Z, a–z, 0–9, +, / and = padding).' };
  }
  const bytes = Uint8Array.from(atob(trimmed), (c) => c.charCodeAt(0));
  if (bytes.length !== 32) {
    return { valid: false, problem: `An SSE-C key is 32 bytes (AES-256); this one is ${bytes.length}.` };
  }
  return { valid: true, bytes };
}

const keys = new Map<string, CustomerKey>();

/** Holds a checked key in memory and returns it; the same key text yields the same entry. */
export function rememberCustomerKey(keyBase64: string): CustomerKey {
  for (const key of keys.values()) if (key.keyBase64 === keyBase64) return key;
  const key = { id: crypto.randomUUID(), keyBase64 };
  keys.set(key.id, key);
  return key;
}

export function customerKeyById(id: string | undefined): CustomerKey | undefined {
  return id === undefined ? undefined : keys.get(id);
}
