import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../app/config/app-config';
import { defaultOptions } from '../options';
import { demoConsoleConfig } from './console-config';

describe('the demo console config', () => {
  it('public/config.json is the config for the stack on its default port, and valid', () => {
    const options = defaultOptions();
    const committed: unknown = JSON.parse(readFileSync('public/config.json', 'utf8'));
    expect(committed).toEqual(demoConsoleConfig(`http://${options.hostname}:${options.port}`, options.region, options.identityPoolId));
    expect(parseAppConfig(committed).buckets.length).toBeGreaterThan(0);
  });
});
