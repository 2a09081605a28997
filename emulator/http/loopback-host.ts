/**
 * The stack serves this machine only. A browser sends the name it looked up
 * in the Host header, so a page whose own domain was made to resolve to
 * 127.0.0.1 (DNS rebinding) arrives with that domain, not with a loopback
 * name, and is refused before anything reads its request.
 */
const LOOPBACK_HOST = /^(127\.0\.0\.1|\[::1\]|([a-z0-9-]+\.)*localhost)(:\d+)?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

export function hostRefusal(host: string | undefined): string {
  return (
    `Blocked request: the Host header ${host === undefined ? 'is missing' : `"${host}" is not a loopback name`}. ` +
    'The local AWS stack answers only requests for 127.0.0.1, [::1], localhost and BUCKET.localhost, on any port.\n'
  );
}
