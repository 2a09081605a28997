import { describe, expect, it } from 'vitest';
import { copySourceOf } from './copy-object';

describe('copySourceOf', () => {
  it('URL-encodes the key but keeps its slashes, and names the version', () => {
    expect(copySourceOf({ bucket: 'b', key: 'dir/with space+plus%20?#.txt' })).toBe('b/dir/with%20space%2Bplus%2520%3F%23.txt');
    expect(copySourceOf({ bucket: 'b', key: 'a//b/../c', versionId: 'v+1/2' })).toBe('b/a//b/../c?versionId=v%2B1%2F2');
    expect(copySourceOf({ bucket: 'b', key: 'ñandú 日本.txt' })).toBe('b/%C3%B1and%C3%BA%20%E6%97%A5%E6%9C%AC.txt');
  });
});
