import { describe, expect, it } from 'vitest';
import { breadcrumbsOf } from './breadcrumbs';

describe('breadcrumbsOf', () => {
  it('lists each folder of a prefix with a link to it', () => {
    expect(breadcrumbsOf({ page: 'objects', bucket: 'b', prefix: 'logs/app 1/' })).toEqual([
      { text: 'Buckets', href: '/' },
      { text: 'b', href: '/buckets/b' },
      { text: 'logs', href: '/buckets/b?prefix=logs%2F' },
      { text: 'app 1', href: '/buckets/b?prefix=logs%2Fapp+1%2F' },
    ]);
  });

  it('ends with the object and keeps empty folder names of keys such as a//b', () => {
    expect(breadcrumbsOf({ page: 'object', bucket: 'b', key: 'a//b.txt' }).map((c) => c.text)).toEqual(['Buckets', 'b', 'a', '/', 'b.txt']);
  });

  it('is just Buckets on the buckets page', () => {
    expect(breadcrumbsOf({ page: 'buckets' })).toEqual([{ text: 'Buckets', href: '/' }]);
  });

  it('leads from the jobs list to a job', () => {
    expect(breadcrumbsOf({ page: 'jobs' }).map((c) => c.text)).toEqual(['Buckets', 'Jobs']);
    expect(breadcrumbsOf({ page: 'job', id: 'j1' })).toEqual([
      { text: 'Buckets', href: '/' },
      { text: 'Jobs', href: '/jobs' },
      { text: 'j1', href: '/jobs/j1' },
    ]);
  });

  it('leads from the bucket to its encryption wizard', () => {
    expect(breadcrumbsOf({ page: 'encrypt', bucket: 'b' })).toEqual([
      { text: 'Buckets', href: '/' },
      { text: 'b', href: '/buckets/b' },
      { text: 'Edit server-side encryption', href: '/buckets/b/encrypt' },
    ]);
  });
});
