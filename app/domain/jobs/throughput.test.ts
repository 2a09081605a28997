import { describe, expect, it } from 'vitest';
import { etaSeconds, ThroughputMeter } from './throughput';

describe('ThroughputMeter', () => {
  it('counts objects finished per second since the run started', () => {
    const meter = new ThroughputMeter();
    meter.start(1_000);
    expect(meter.perSecond(1_000)).toBeUndefined();
    for (const at of [1_500, 2_000, 2_500, 3_000]) meter.record(at);
    expect(meter.perSecond(3_000)).toBe(2);
  });

  it('looks only at the last window, and forgets time spent paused', () => {
    const meter = new ThroughputMeter(10_000);
    meter.start(0);
    for (let at = 1_000; at <= 20_000; at += 1_000) meter.record(at);
    expect(meter.perSecond(20_000)).toBe(1);
    meter.start(100_000);
    meter.record(101_000);
    expect(meter.perSecond(102_000)).toBe(0.5);
  });
});

describe('etaSeconds', () => {
  it('divides what is left by the pace', () => {
    expect(etaSeconds(10, 4)).toBe(3);
    expect(etaSeconds(0, undefined)).toBe(0);
    expect(etaSeconds(5, undefined)).toBeUndefined();
  });
});
