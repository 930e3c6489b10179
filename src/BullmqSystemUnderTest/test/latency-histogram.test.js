import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HighestTrackableMs, bucketOf, medianOf, readPercentiles } from '../src/latency-histogram.js';

describe('LatencyHistogram', () => {
  test('buckets are HdrHistogram lowest equivalent values at 2 significant digits', () => {
    // Exact below 256, then buckets of 2, 4, 8 ... wide: the layout of the C# system's JobLatencyLayout.
    assert.deepEqual([0, 1, 255, 256, 257, 511, 512, 515, 1000, 1003, 1004].map(bucketOf), [0, 1, 255, 256, 256, 510, 512, 512, 1000, 1000, 1004]);
    assert.equal(bucketOf(HighestTrackableMs * 10), bucketOf(HighestTrackableMs));
    assert.equal(bucketOf(-5), 0);
    assert.equal(medianOf(1000), 1002);
    for (const value of [3, 300, 3000, 30000, 300000, 3_000_000]) {
      assert.ok(Math.abs(medianOf(value) - value) / value <= 0.01, `${value} within 1 %`);
    }
  });

  test('percentiles are bucket midpoints capped by the exact max', () => {
    const fields = { max: '1003' };
    for (let latency = 1; latency <= 100; latency++) fields[bucketOf(latency)] = String(Number(fields[bucketOf(latency)] ?? 0) + 1);
    fields[bucketOf(1003)] = '1';
    const read = readPercentiles(fields);
    assert.equal(read.count, 101);
    assert.equal(read.p50, 51);
    assert.equal(read.p95, 96);
    assert.equal(read.p99, 100);
    assert.equal(read.max, 1003);
    assert.deepEqual(readPercentiles({}), { count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
