import type { AppConfig } from './app-config';

export type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * The policy index.html carries from its first byte: only the console's own scripts and styles
 * (Cloudscape's global styles embed their fonts as data: URLs). Where the console may connect is
 * config.json's to say, and config.json is read at run time, so this policy lets connections go to
 * any http(s) URL and `connectPolicy` restricts them once config.json is read: a page must pass
 * every policy it has, so a second policy can only narrow the first.
 */
export const DOCUMENT_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https:', 'http:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The hosts of AWS's endpoints in `region`: amazonaws.com.cn in China, amazonaws.com elsewhere. */
function awsDomain(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/**
 * Every origin the console's requests go to: itself (config.json), S3 and KMS in each region it
 * uses, the identity pool, the user pool's issuer (its OIDC metadata and keys) and managed login
 * domain (token, revocation). A configured endpoint replaces AWS's; S3 addresses a bucket as a
 * subdomain of its endpoint unless forcePathStyle is set (and on AWS may do either).
 */
export function connectSources(config: AppConfig): string[] {
  const regions = new Set([config.region, ...config.buckets.flatMap((bucket) => (bucket.region ? [bucket.region] : []))]);
  const origin = (url: string) => new URL(url).origin;
  const sources = ["'self'"];
  const { s3, kms, cognito } = config;
  if (s3.endpoint) {
    const endpoint = new URL(s3.endpoint);
    sources.push(endpoint.origin);
    if (!s3.forcePathStyle) sources.push(`${endpoint.protocol}//*.${endpoint.host}`);
  }
  for (const region of regions) {
    const domain = awsDomain(region);
    if (!s3.endpoint) sources.push(`https://s3.${region}.${domain}`, `https://*.s3.${region}.${domain}`);
    if (!kms.endpoint) sources.push(`https://kms.${region}.${domain}`);
  }
  if (kms.endpoint) sources.push(origin(kms.endpoint));
  sources.push(cognito.endpoint ? origin(cognito.endpoint) : `https://cognito-identity.${config.region}.${awsDomain(config.region)}`);
  sources.push(origin(cognito.userPool.issuer), origin(cognito.userPool.domain));
  return [...new Set(sources)];
}

/** The policy the console adds once config.json is read: connections only to where config.json says. */
export function connectPolicy(config: AppConfig): string {
  return serializePolicy({ 'connect-src': connectSources(config) });
}

/**
 * The Content-Security-Policy response header for a host serving the console with `config`: the
 * document's policy with its connections narrowed, plus what only a header can say
 * (frame-ancestors is ignored in a <meta> policy).
 */
export function headerPolicy(config: AppConfig): string {
  return serializePolicy({ ...DOCUMENT_POLICY, 'connect-src': connectSources(config), 'frame-ancestors': ["'none'"] });
}
