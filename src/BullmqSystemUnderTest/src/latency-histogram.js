// perf:job-latency-buckets, laid out exactly as src/SystemUnderTest.Contracts/JobLatencyLayout.cs does with
// HdrHistogram (highest trackable 3,600,000 ms, 2 significant digits, unit 1 ms): field = the lowest value of a
// bucket, value = its count, plus `max`. Both systems' buckets are therefore read by the same code.

export const MaxField = 'max';
export const HighestTrackableMs = 3_600_000;
// HdrHistogram with 2 significant digits: 2 * 10^2 = 200 values need 256 sub-buckets (half: 128 = 2^7).
const SubBucketHalfCountMagnitude = 7;
const SubBucketMask = 255;

function bucketIndexOf(value) {
  const pow2Ceiling = 32 - Math.clz32(value | SubBucketMask);
  return pow2Ceiling - (SubBucketHalfCountMagnitude + 1);
}

/** HdrHistogram's lowestEquivalentValue of a latency clamped to 0..HighestTrackableMs. */
export function bucketOf(latencyMs) {
  const value = Math.min(Math.max(Math.floor(latencyMs), 0), HighestTrackableMs);
  const bucketIndex = bucketIndexOf(value);
  return (value >>> bucketIndex) << bucketIndex;
}

/** HdrHistogram's medianEquivalentValue: the middle of the value's bucket. */
export function medianOf(value) {
  const lowest = bucketOf(value);
  return lowest + ((1 << bucketIndexOf(value)) >>> 1);
}

/** Count, p50, p95, p99 (bucket midpoints capped by the exact max) and max from the hash's fields. */
export function readPercentiles(fields) {
  let max = 0;
  const buckets = [];
  for (const [name, text] of Object.entries(fields ?? {})) {
    const count = Number(text);
    if (!Number.isInteger(count)) continue;
    if (name === MaxField) max = count;
    else if (/^\d+$/.test(name) && count > 0) buckets.push([Math.min(Number(name), HighestTrackableMs), count]);
  }
  buckets.sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const highest = max > 0 ? max : buckets[buckets.length - 1][0];
  const at = (percentile) => {
    // HdrHistogram: the value at which the running count reaches ceil-ish(percentile% of the total), at least 1.
    const target = Math.max(1, Math.floor((percentile / 100) * total + 0.5));
    let running = 0;
    for (const [bucket, count] of buckets) {
      running += count;
      if (running >= target) return Math.min(medianOf(bucket), highest);
    }
    return highest;
  };
  return { count: total, p50: at(50), p95: at(95), p99: at(99), max: highest };
}
