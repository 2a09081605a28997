/**
 * Documented demo key material. These keys are public on purpose: they let
 * anyone read the demo's SSE-C and client-side-encrypted objects. Never use them on AWS.
 */

/** The SSE-C key: base64 of the 32 ASCII bytes "DemoSseCKeyForLocalStackOnly2026". */
export const DEMO_SSE_C_KEY_BASE64 = 'RGVtb1NzZUNLZXlGb3JMb2NhbFN0YWNrT25seTIwMjY=';

/** Base64 MD5 of the SSE-C key, as `x-amz-server-side-encryption-customer-key-MD5` carries it. */
export const DEMO_SSE_C_KEY_MD5 = 'dUcMf43LLCFO9H7NROWdyA==';

/**
 * The Amazon S3 Encryption Client's `AES/GCM` wrapping key for the client-side
 * encrypted objects: base64 of the 32 ASCII bytes "DemoCseWrappingKeyLocalStackOnly".
 */
export const DEMO_CSE_WRAPPING_KEY_BASE64 = 'RGVtb0NzZVdyYXBwaW5nS2V5TG9jYWxTdGFja09ubHk=';
