// The Redis keys and counter names this system shares with src/SystemUnderTest (Redis/RedisKeys.cs,
// Redis/CounterNames.cs), so the suite's second-opinion counters and the Redis result store read the same way.
// BullMQ's own keys are `${prefix}:${queue}:...` (see README.md).

export const Counters = 'perf:counters';
export const JobLatencyBuckets = 'perf:job-latency-buckets';
export const Aggregates = 'perf:aggregates';
export const AnalyticsCache = 'cache:analytics:summary';
export const OutcomeStored = 'stored';
export const OutcomeDeadLettered = 'dead-lettered';

export const result = (id) => `result:${id}`;
export const outcome = (id) => `outcome:${id}`;
export const idempotencyKey = (endpoint, key) => `idem:${endpoint}:${key}`;

export const CounterNames = Object.freeze({
  accepted: 'accepted',
  processed: 'processed',
  deadLettered: 'deadLettered',
  duplicates: 'duplicates',
  retried: 'retried',
  failedAttempts: 'failedAttempts',
  backpressureRejected: 'backpressureRejected',
  emptyPolls: 'emptyPolls',
  idempotentReplays: 'idempotentReplays',
  ackMisses: 'ackMisses',
  lastOutcomeAtMs: 'lastOutcomeAtMs',
});

/** BullMQ queue names (no ':' allowed there); endpoint names scope Idempotency-Keys as in the C# system. */
export const JobKinds = Object.freeze({
  payment: Object.freeze({ type: 'payment', queue: 'payments', endpoint: 'payments' }),
  notification: Object.freeze({ type: 'notification', queue: 'notifications', endpoint: 'notifications' }),
});
export const AllKinds = [JobKinds.payment, JobKinds.notification];

/** A BullMQ job hash: `${prefix}:${queue}:${id}`. */
export const bullJob = (prefix, queue, id) => `${prefix}:${queue}:${id}`;
