import { describe, expect, it } from 'vitest';
import { parseCli } from './cli';
import { defaultOptions } from './options';

describe('npm run stack -- flags', () => {
  it('answers the console on its dev server, and gives guests nothing, unless told otherwise', () => {
    expect(defaultOptions(parseCli([]))).toMatchObject({
      allowUnauthenticated: false,
      consoleOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173'],
    });
  });

  it('takes --allow-guests and the console origins, each an origin', () => {
    expect(parseCli(['--allow-guests', '--console-origin', 'http://127.0.0.1:3000', '--console-origin', 'https://console.test'])).toEqual({
      allowUnauthenticated: true,
      consoleOrigins: ['http://127.0.0.1:3000', 'https://console.test'],
    });
    for (const notAnOrigin of ['http://127.0.0.1:3000/', '127.0.0.1:3000', 'http://console.test/app']) {
      expect(() => parseCli(['--console-origin', notAnOrigin])).toThrow(
        `--console-origin must be an origin such as http://127.0.0.1:5173, not "${notAnOrigin}"`,
      );
    }
  });
});
