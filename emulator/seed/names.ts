/** What the demo names: buckets, KMS aliases, awkward keys, and its copy limit. */

export const DEMO_BUCKETS = {
  legacy: 'legacy-archive',
  mixed: 'mixed-encryption',
  versioned: 'versioned-reports',
  blocked: 'sse-c-blocked',
  hiddenHeaders: 'hidden-headers',
} as const;

export const DEMO_BUCKET_NAMES: readonly string[] = Object.values(DEMO_BUCKETS);

export const DEMO_KMS_ALIASES = ['alias/demo-finance', 'alias/demo-logs'] as const;

/** The demo's single-CopyObject limit (`npm start` passes it as maxCopySize), so multipart copies can be shown on small data. */
export const DEMO_MAX_COPY_SIZE = 8 * 1024 * 1024;

/** Keys that break naive URL building, HTML rendering or character counting; they live in mixed-encryption. */
export const DEMO_HOSTILE_KEYS: readonly string[] = [
  'with space.txt',
  'plus+sign.txt',
  'percent%20literal.txt',
  'question?.txt',
  'hash#tag.txt',
  'unicode-ñandú-日本.txt',
  'emoji-🔐.txt',
  'a//b.txt',
  'trailing-space .txt',
  '../dot-dot.txt',
  '<script>alert(1)</script>.html',
  // S3's longest key: 9 + 500 × 2 + 11 + 4 = 1,024 UTF-8 bytes, but only 524 characters.
  'long-key-' + 'é'.repeat(500) + 'x'.repeat(11) + '.txt',
];
