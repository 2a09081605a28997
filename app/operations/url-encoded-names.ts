/**
 * Decodes a key or prefix that S3 listed with `encoding-type=url`. S3 percent-encodes
 * a literal '+' as %2B, so any bare '+' left stands for a space (form encoding); this
 * reads both spellings of a space correctly.
 */
export function decodeUrlEncodedName(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, '%20'));
}
