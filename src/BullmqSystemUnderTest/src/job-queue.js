// The API side of the queue: BullMQ Queues over Redis__PoolSize connections, the enqueue with an optional
// Idempotency-Key, job state read back from BullMQ's own job hash, and queue state for /health and backpressure.
import { createHash, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AllKinds, Counters, CounterNames, bullJob, idempotencyKey } from './keys.js';
import { createCommandClient } from './redis-connection.js';

// Claims an Idempotency-Key. KEYS: idem record, counters. ARGV: new job id, ttl ms, body hash, enqueuedAt.
// The record is a hash {jobId, bodyHash, enqueuedAt, state}: state 'claimed' until the job is confirmed added,
// then 'added'. Returns {code, jobId, enqueuedAt}: 0 claimed now, 1 replay of an added job, 2 the key belongs
// to another body, 3 claimed earlier but not confirmed added (a crashed or concurrent first request).
const ClaimScript = `
local existing = redis.call('HMGET', KEYS[1], 'jobId', 'bodyHash', 'state', 'enqueuedAt')
if existing[1] then
  if existing[2] ~= ARGV[3] then
    return {2, existing[1], existing[4] or '0'}
  end
  redis.call('HINCRBY', KEYS[2], '${CounterNames.idempotentReplays}', 1)
  if existing[3] == 'added' then
    return {1, existing[1], existing[4] or '0'}
  end
  return {3, existing[1], existing[4] or '0'}
end
redis.call('HSET', KEYS[1], 'jobId', ARGV[1], 'bodyHash', ARGV[3], 'state', 'claimed', 'enqueuedAt', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {0, ARGV[1], ARGV[4]}
`;

// After BullMQ added the job: counts it accepted exactly once per key, however many requests raced to add it.
// KEYS: idem record, counters.
const ConfirmScript = `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'added' then return 0 end
if state then redis.call('HSET', KEYS[1], 'state', 'added') end
redis.call('HINCRBY', KEYS[2], '${CounterNames.accepted}', 1)
return 1
`;

/**
 * Runs a write that follows a successful add. The job exists by then, so a failure here (Redis full under
 * noeviction, a connection lost) must not turn the answer into an error that invites a retry without a key: the
 * client gets its 202 and id, and only the bookkeeping is behind (logged).
 */
async function bookkeeping(what, write) {
  try {
    await write();
  } catch (error) {
    process.stderr.write(`[api] job added, but ${what} failed: ${error?.message ?? error}\n`);
  }
}

export const EnqueueOutcome = Object.freeze({ created: 'created', replayed: 'replayed', keyConflict: 'keyConflict' });

/** SHA-256 of the request as this system serializes it: field order and whitespace do not matter. */
export const bodyHash = (payload) => createHash('sha256').update(payload, 'utf8').digest('hex');

/** The request in a fixed field order (the hash input and the job's data). */
export function normalize(shape, request) {
  const out = {};
  for (const field of Object.keys(shape)) {
    if (request[field] !== undefined && request[field] !== null) out[field] = request[field];
  }
  return out;
}

export class JobQueue {
  constructor(options) {
    this.options = options;
    this.prefix = options.prefix;
    this.next = 0;
    this.clients = [];
    this.queues = [];
    for (let i = 0; i < options.redis.poolSize; i++) {
      const client = createCommandClient(options.redis, `bullmq-sut-api-${process.pid}-${i}`);
      client.on('error', () => {}); // reported per request (503) and by /health
      client.defineCommand('sutClaim', { numberOfKeys: 2, lua: ClaimScript });
      client.defineCommand('sutConfirm', { numberOfKeys: 2, lua: ConfirmScript });
      this.clients.push(client);
    }
  }

  /**
   * Connects the pool (waiting up to `timeoutMs`, as StackExchange.Redis's Connect does at start; the API starts
   * anyway when Redis is down and answers 503 until it is back), then makes the BullMQ Queues, whose start writes
   * the queue's meta hash (version) and needs a connection that is up.
   */
  static async connect(options, timeoutMs) {
    const queue = new JobQueue(options);
    await queue.waitForConnections(timeoutMs);
    for (const client of queue.clients) {
      const byQueue = {};
      for (const kind of AllKinds) {
        byQueue[kind.queue] = new Queue(kind.queue, {
          connection: client,
          prefix: queue.prefix,
          skipWaitingForReady: true,
          skipVersionCheck: true,
        });
        byQueue[kind.queue].on('error', () => {});
      }
      queue.queues.push(byQueue);
    }
    return queue;
  }

  async waitForConnections(timeoutMs) {
    await Promise.all(this.clients.map((client) => client.status === 'ready' ? undefined : new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      client.once('ready', done);
      function done() {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      }
    })));
  }

  /** Round-robin over the pool: one connection when Redis__PoolSize is 1 (pooling off). */
  pick() {
    const index = this.next++ % this.clients.length;
    return { client: this.clients[index], queues: this.queues[index] };
  }

  commands() {
    return this.pick().client;
  }

  /**
   * Enqueues one job. Without a key: BullMQ's add with our id as its jobId, then `accepted` +1. With a key: the
   * key is claimed first (one script), then the job is added and confirmed; a retry that finds the key claimed but
   * not confirmed adds the same jobId again, which BullMQ turns into a no-op when the job exists, so a crash between
   * the claim and the add never leaves a key that names no job.
   */
  async enqueue(kind, data, key) {
    const { client, queues } = this.pick();
    const queue = queues[kind.queue];
    const payload = JSON.stringify(data);
    let id = randomUUID().replaceAll('-', '');
    let enqueuedAt = Date.now();
    if (key === undefined) {
      await this.add(queue, kind, id, data, enqueuedAt);
      await bookkeeping('accepted +1', () => client.hincrby(Counters, CounterNames.accepted, 1));
      return { id, outcome: EnqueueOutcome.created };
    }
    const record = idempotencyKey(kind.endpoint, key);
    const [code, jobId, claimedAt] = await client.sutClaim(
      record, Counters, id, this.options.api.idempotencyTtlSeconds * 1000, bodyHash(payload), enqueuedAt);
    if (code === 2) return { id: jobId, outcome: EnqueueOutcome.keyConflict };
    if (code === 1) return { id: jobId, outcome: EnqueueOutcome.replayed };
    id = jobId;
    enqueuedAt = Number(claimedAt);
    await this.add(queue, kind, id, data, enqueuedAt);
    // Unconfirmed, the key stays 'claimed': a retry adds the same jobId again (a no-op) and confirms it then.
    await bookkeeping('confirming the Idempotency-Key', () => client.sutConfirm(record, Counters));
    return { id, outcome: code === 0 ? EnqueueOutcome.created : EnqueueOutcome.replayed };
  }

  add(queue, kind, id, data, enqueuedAt) {
    // No removeOnComplete / removeOnFail here: the workers' own (Worker__JobKeyRetentionSeconds) apply. attempts is a
    // job option in BullMQ, so the API sets it from Worker__MaxDeliveries; workers enforce their own setting too.
    return queue.add(kind.type, data, { jobId: id, timestamp: enqueuedAt, attempts: this.options.worker.maxDeliveries });
  }

  /** A payment's state from BullMQ's job hash, or undefined when there is no such job. */
  async getPayment(id) {
    const key = bullJob(this.prefix, 'payments', id);
    const [data, timestamp, finishedOn, hasReturnValue] = await this.commands()
      .multi()
      .hget(key, 'data')
      .hget(key, 'timestamp')
      .hget(key, 'finishedOn')
      .hexists(key, 'returnvalue')
      .exec()
      .then((replies) => replies.map(([error, value]) => {
        if (error) throw error;
        return value;
      }));
    if (data === null) return undefined;
    const request = JSON.parse(data);
    // A job that finished with a return value completed; one that finished without it failed (failedReason).
    const status = finishedOn === null ? 'queued' : hasReturnValue === 1 ? 'completed' : 'failed';
    const body = {
      id,
      status,
      amount: request.amount,
      currency: request.currency,
      customerId: request.customerId,
    };
    if (request.description) body.description = request.description;
    body.enqueuedAt = Number(timestamp);
    if (status === 'completed') body.completedAt = Number(finishedOn);
    return body;
  }

  /**
   * Per queue: length (unfinished jobs), pending (active: taken by a worker, not finished), lag (waiting,
   * prioritized, delayed, paused: not yet taken) and deadLetterLength (failed), from BullMQ's own counts.
   */
  async queueState() {
    const { queues } = this.pick();
    return Promise.all(AllKinds.map(async (kind) => {
      const counts = await queues[kind.queue].getJobCounts('wait', 'paused', 'prioritized', 'delayed', 'active', 'failed');
      const lag = counts.wait + counts.paused + counts.prioritized + counts.delayed;
      return { name: `${this.prefix}:${kind.queue}`, length: lag + counts.active, pending: counts.active, lag, deadLetterLength: counts.failed };
    }));
  }

  async close() {
    for (const byQueue of this.queues) {
      for (const queue of Object.values(byQueue)) await queue.close().catch(() => {});
    }
    for (const client of this.clients) client.disconnect();
  }
}
