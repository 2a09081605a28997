import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

function roundTrip(route: Route): Route {
  const url = new URL(routeHref(route), 'http://console.local');
  return parseRoute(url.pathname, url.search);
}

describe('routes', () => {
  it.each([
    ['a space and +plus', 'dir/with space/ünïcode+plus.txt'],
    ['reserved characters', 'question?.txt#hash&amp=%20literal'],
    ['an empty segment', 'a//b.txt'],
    ['emoji', 'emoji-🔐.txt'],
    ['dot segments', '../dot-dot.txt'],
    ['a 1,024-byte key', 'k'.repeat(1024)],
  ])('round-trips an object key with %s', (_, key) => {
    expect(roundTrip({ page: 'object', bucket: 'mixed-encryption', key })).toEqual({ page: 'object', bucket: 'mixed-encryption', key });
  });

  it('round-trips a folder prefix and a version id', () => {
    expect(roundTrip({ page: 'objects', bucket: 'b', prefix: 'logs/app 1/' })).toEqual({ page: 'objects', bucket: 'b', prefix: 'logs/app 1/' });
    expect(roundTrip({ page: 'object', bucket: 'b', key: 'k', versionId: 'v+/=' })).toEqual({
      page: 'object',
      bucket: 'b',
      key: 'k',
      versionId: 'v+/=',
    });
  });

  it('maps the root to the buckets page and the bucket root to an empty prefix', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'buckets' });
    expect(parseRoute('/buckets/b', '')).toEqual({ page: 'objects', bucket: 'b', prefix: '' });
  });

  it('maps the sign-in callback, whatever its query, to the callback page', () => {
    expect(parseRoute('/auth/callback', '?code=abc&state=xyz')).toEqual({ page: 'auth-callback' });
    expect(roundTrip({ page: 'auth-callback' })).toEqual({ page: 'auth-callback' });
    expect(parseRoute('/auth/callback/more', '')).toEqual({ page: 'not-found', path: '/auth/callback/more' });
  });

  it('maps the jobs list and a job page', () => {
    expect(parseRoute('/jobs', '')).toEqual({ page: 'jobs' });
    expect(roundTrip({ page: 'jobs' })).toEqual({ page: 'jobs' });
    expect(roundTrip({ page: 'job', id: '2f1c0a4e-1b2c-4d5e-8f90-123456789abc' })).toEqual({
      page: 'job',
      id: '2f1c0a4e-1b2c-4d5e-8f90-123456789abc',
    });
    expect(parseRoute('/jobs/a/b', '')).toEqual({ page: 'not-found', path: '/jobs/a/b' });
  });

  it("maps a bucket's encryption wizard", () => {
    expect(parseRoute('/buckets/b/encrypt', '')).toEqual({ page: 'encrypt', bucket: 'b' });
    expect(roundTrip({ page: 'encrypt', bucket: 'my.bucket-1' })).toEqual({ page: 'encrypt', bucket: 'my.bucket-1' });
  });

  it('reports unknown paths and an object link without a key as not found', () => {
    expect(parseRoute('/nowhere', '')).toEqual({ page: 'not-found', path: '/nowhere' });
    expect(parseRoute('/buckets/b/object', '')).toEqual({ page: 'not-found', path: '/buckets/b/object' });
  });
});
