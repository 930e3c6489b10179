// The worker role: one BullMQ Worker per queue with the C# worker's knobs. A job's one outcome is decided in Redis
// by `outcome:{id}` (SET NX) in the same script that writes the Redis store's result and the counters, so a job
// that BullMQ runs twice (a lost lock: BullMQ is at least once) is stored and counted once.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { UnrecoverableError, Worker } from 'bullmq';
import { AllKinds, Aggregates, Counters, CounterNames, JobLatencyBuckets, OutcomeDeadLettered, OutcomeStored, outcome, result } from './keys.js';
import { bucketOf } from './latency-histogram.js';
import { createWorkerClient } from './redis-connection.js';
import { createStore, toJobResult } from './stores.js';

// The C# completion script (src/SystemUnderTest/Worker/OutcomeScripts.cs) for one job, without its XACK: the two
// systems write the same outcome, result, aggregates and counters, and both keep the outcome and the result for
// Worker__JobKeyRetentionSeconds. KEYS: counters, aggregates, latency buckets, outcome, result. ARGV: '1' when the
// result lives in Redis, now, type, amount, currency, latency bucket, latency ms, result JSON, retention ms. Returns
// 1 stored, 0 already stored (a duplicate run), 3 already dead-lettered.
export const CompleteScript = `
local inRedis, now, jobType, amount, currency, bucket, latency = ARGV[1] == '1', ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local retention = ARGV[9]
if not redis.call('SET', KEYS[4], '${OutcomeStored}', 'NX', 'PX', retention) then
  redis.call('HINCRBY', KEYS[1], '${CounterNames.duplicates}', 1)
  if redis.call('GET', KEYS[4]) == '${OutcomeDeadLettered}' then return 3 end
  return 0
end
if inRedis then
  redis.call('SET', KEYS[5], ARGV[8], 'PX', retention)
  if jobType == 'payment' then
    redis.call('HINCRBY', KEYS[2], 'payments:count', 1)
    redis.call('HINCRBYFLOAT', KEYS[2], 'payments:totalAmount', amount)
    redis.call('HINCRBY', KEYS[2], 'payments:currency:' .. currency .. ':count', 1)
    redis.call('HINCRBYFLOAT', KEYS[2], 'payments:currency:' .. currency .. ':totalAmount', amount)
  else
    redis.call('HINCRBY', KEYS[2], 'notifications:count', 1)
  end
  redis.call('HINCRBY', KEYS[2], 'latency:count', 1)
  redis.call('HINCRBY', KEYS[2], 'latency:sumMs', latency)
end
redis.call('HINCRBY', KEYS[1], '${CounterNames.processed}', 1)
redis.call('HINCRBY', KEYS[3], bucket, 1)
local max = tonumber(redis.call('HGET', KEYS[3], 'max') or '0')
if tonumber(latency) > max then redis.call('HSET', KEYS[3], 'max', latency) end
redis.call('HSET', KEYS[1], '${CounterNames.lastOutcomeAtMs}', now)
return 1
`;

// KEYS: counters, outcome. ARGV: now, retention ms. Returns 1 dead-lettered now, 0 already dead-lettered, 2 already stored.
export const DeadLetterScript = `
if redis.call('SET', KEYS[2], '${OutcomeDeadLettered}', 'NX', 'PX', ARGV[2]) then
  redis.call('HINCRBY', KEYS[1], '${CounterNames.deadLettered}', 1)
  redis.call('HSET', KEYS[1], '${CounterNames.lastOutcomeAtMs}', ARGV[1])
  return 1
end
if redis.call('GET', KEYS[2]) == '${OutcomeStored}' then return 2 end
return 0
`;

export class DownstreamError extends Error {}

/** The worker name BullMQ records (`pb` on the job); host name + pid + random, as the C# consumer name. */
export const workerName = (configured) =>
  configured || `${hostname().replace(/[^\x21-\x7E]/g, '').slice(0, 64) || 'worker'}-${process.pid}-${randomBytes(4).toString('hex')}`;

export class JobWorkers {
  static async create(options) {
    // Outcome scripts wait through a Redis outage (offline queue) rather than fail the attempt they conclude.
    const commands = createWorkerClient(options.redis, `bullmq-sut-worker-${process.pid}`);
    commands.on('error', () => {});
    const store = await createStore(options.store, () => commands);
    return new JobWorkers(options, commands, store);
  }

  constructor(options, commands, store) {
    this.options = options;
    this.commands = commands;
    this.store = store;
    this.commands.defineCommand('sutComplete', { numberOfKeys: 5, lua: CompleteScript });
    this.commands.defineCommand('sutDeadLetter', { numberOfKeys: 2, lua: DeadLetterScript });
    const name = workerName(options.worker.consumerName);
    this.connection = createWorkerClient(options.redis, `bullmq-sut-worker-${process.pid}-bullmq`);
    this.connection.on('error', () => {});
    this.workers = AllKinds.map((kind) => {
      const worker = new Worker(kind.queue, (job) => this.process(job, kind), {
        connection: this.connection,
        prefix: options.prefix,
        name,
        concurrency: options.worker.concurrency,
        // A job whose lock is not renewed for this long is taken back by another worker (the C# reclaim idle time):
        // the lock expires after lockDuration, and the stalled check, every stalledInterval, moves it back to wait.
        lockDuration: options.worker.reclaimIdleMs,
        stalledInterval: options.worker.reclaimIdleMs,
        // Finished jobs are kept for the retention, so an audit of a run (minutes) can read every outcome by id, and
        // then removed, so memory levels off at a constant rate. BullMQ removes aged jobs only when another job of
        // the same kind finishes (no timer): at a steady rate that is every few milliseconds; an idle queue keeps them.
        removeOnComplete: { age: options.worker.jobKeyRetentionSeconds },
        removeOnFail: { age: options.worker.jobKeyRetentionSeconds },
        autorun: false,
      });
      worker.on('error', (error) => this.warn(`${kind.queue}: ${error?.message ?? error}`));
      worker.on('failed', (job, error) => this.onFailed(job, error));
      worker.on('stalled', () => this.count(CounterNames.retried));
      return worker;
    });
  }

  /** At most one warning every 5 s: an outage makes BullMQ report every failed reconnect. */
  warn(message) {
    const now = Date.now();
    if (this.lastWarning !== undefined && now - this.lastWarning < 5000) return;
    this.lastWarning = now;
    process.stderr.write(`[worker] ${message}\n`);
  }

  run() {
    for (const worker of this.workers) worker.run().catch((error) => process.stderr.write(`[worker] stopped: ${error?.message}\n`));
  }

  async waitUntilReady() {
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  count(counter) {
    this.commands.hincrby(Counters, counter, 1).catch(() => {});
  }

  /** One attempt: the simulated downstream call, then the job's outcome. Throwing fails the attempt. */
  async process(job, kind) {
    const { simulatedDownstreamMs, failureRate, maxDeliveries } = this.options.worker;
    if (simulatedDownstreamMs > 0) await delay(simulatedDownstreamMs);
    if (failureRate > 0 && Math.random() < failureRate) {
      await this.commands.hincrby(Counters, CounterNames.failedAttempts, 1);
      const final = job.attemptsMade + 1 >= Math.min(maxDeliveries, job.opts.attempts ?? 1);
      if (!final) {
        await this.commands.hincrby(Counters, CounterNames.retried, 1);
        throw new DownstreamError('downstream failed');
      }
      const decided = await this.deadLetter(job.id);
      // Stored by an earlier run that lost its lock after its outcome: BullMQ must see it complete, not fail.
      if (decided === 2) return { outcome: OutcomeStored };
      throw new UnrecoverableError('downstream failed');
    }
    return this.complete(job, kind);
  }

  async complete(job, kind) {
    const completedAt = Date.now();
    const stored = toJobResult({ id: job.id, type: kind.type, data: job.data, enqueuedAtMs: job.timestamp }, completedAt);
    const inserted = this.store.writesInOutcomeScript ? false : await this.store.write(stored);
    const code = await this.commands.sutComplete(
      Counters, Aggregates, JobLatencyBuckets, outcome(job.id), result(job.id),
      this.store.writesInOutcomeScript ? '1' : '0', completedAt, kind.type, stored.amount ?? 0, stored.currency ?? '',
      bucketOf(stored.latencyMs), stored.latencyMs, this.store.writesInOutcomeScript ? JSON.stringify(stored) : '', this.retentionMs());
    if (code === 3) {
      // Dead-lettered by another run meanwhile: keep BullMQ's state in line with the one outcome.
      if (inserted) await this.store.retract(job.id);
      throw new UnrecoverableError('already dead-lettered');
    }
    return { outcome: OutcomeStored };
  }

  deadLetter(id) {
    return this.commands.sutDeadLetter(Counters, outcome(id), Date.now(), this.retentionMs());
  }

  retentionMs() {
    return this.options.worker.jobKeyRetentionSeconds * 1000;
  }

  /** Jobs BullMQ failed on its own (stalled more than maxStalledCount, or attempts set lower): one outcome too. */
  onFailed(job, error) {
    if (!job || error instanceof DownstreamError) return;
    const exhausted = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (exhausted) this.deadLetter(job.id).catch(() => {});
  }

  async close() {
    // BullMQ's close waits for the jobs in progress to finish.
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.connection.disconnect();
    this.commands.disconnect();
    await this.store.close();
  }
}
