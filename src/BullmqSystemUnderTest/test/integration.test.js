// Against a real redis-server: the API and BullMQ workers of this system, end to end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './support/redis-server.js';
import { redisSuite } from './support/redis-suite.js';
import { payment, postJson } from './support/system.js';
import { Counters, idempotencyKey } from '../src/keys.js';

describe('BullmqSystem (real Redis)', () => {
  const suite = redisSuite();
  const { api, workers } = suite;
  const counters = async () => suite.client.hgetall(Counters);

  test('an accepted payment is processed by a BullMQ worker and kept in the completed set with its result', async () => {
    const server = await api();
    await workers();
    const response = await postJson(server, '/payments', payment({ description: 'coffee' }));
    assert.equal(response.status, 202);
    const { id, status } = await response.json();
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(status, 'queued');
    assert.equal(response.headers.get('location'), `/payments/${id}`);

    const done = await waitFor('the payment to complete', async () => {
      const body = await (await fetch(`${server.baseUrl}/payments/${id.toUpperCase()}`)).json();
      return body.status === 'completed' && body;
    });
    assert.equal(done.id, id);
    assert.equal(done.amount, 12.5);
    assert.equal(done.description, 'coffee');
    assert.ok(done.completedAt >= done.enqueuedAt);

    // BullMQ's own keys: the API's id is BullMQ's job id, and the finished job is kept.
    assert.notEqual(await suite.client.zscore('bull:payments:completed', id), null);
    const job = await suite.client.hgetall(`bull:payments:${id}`);
    assert.equal(job.timestamp, String(done.enqueuedAt));
    assert.equal(job.finishedOn, String(done.completedAt));
    assert.equal(job.atm, '1');
    assert.equal(job.ats, '1');
    assert.equal(await suite.client.hget('bull:payments:meta', 'version'), 'bullmq:6.7.0');
    assert.equal(await suite.client.get(`outcome:${id}`), 'stored');
    assert.equal(JSON.parse(await suite.client.get(`result:${id}`)).currency, 'EUR');
    const metrics = await (await fetch(`${server.baseUrl}/metrics/jobs`)).json();
    assert.equal(metrics.accepted, 1);
    assert.equal(metrics.processed, 1);
    assert.equal(metrics.outstanding, 0);
    assert.equal(metrics.jobLatencyMs.count, 1);
    const summary = await (await fetch(`${server.baseUrl}/analytics/summary`)).json();
    assert.deepEqual(summary.payments, { count: 1, totalAmount: 12.5, byCurrency: { EUR: { count: 1, totalAmount: 12.5 } } });
    assert.equal(summary.cached, false);
    assert.equal((await (await fetch(`${server.baseUrl}/analytics/summary`)).json()).cached, true);
    const health = await (await fetch(`${server.baseUrl}/health`)).json();
    assert.deepEqual(health, { status: 'healthy', redis: 'up', store: 'up', storeKind: 'redis', queue: { length: 0, pending: 0, lag: 0, deadLetterLength: 0 } });
  });

  test('an Idempotency-Key replays the first answer, refuses another body and is scoped to its endpoint', async () => {
    const server = await api();
    const headers = { 'Idempotency-Key': 'order-7' };
    const first = await postJson(server, '/payments', payment(), headers);
    assert.equal(first.status, 202);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const { id } = await first.json();
    // Concurrent retries with the same body, fields reordered and spaced differently: one job.
    const replays = await Promise.all([1, 2, 3].map(() =>
      postJson(server, '/payments', '{ "customerId": "c-42", "currency": "EUR", "amount": 12.50 }', headers)));
    for (const replay of replays) {
      assert.equal(replay.status, 202);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.headers.get('location'), `/payments/${id}`);
      assert.deepEqual(await replay.json(), { id, status: 'queued' });
    }
    const conflict = await postJson(server, '/payments', payment({ amount: 13 }), headers);
    assert.equal(conflict.status, 422);
    const problem = await conflict.json();
    assert.equal(problem.title, 'Idempotency-Key reused with a different body');
    assert.match(problem.errors['Idempotency-Key'][0], new RegExp(id));
    const notification = await postJson(server, '/notifications', { userId: 'u-1', channel: 'sms', message: 'hi' }, headers);
    assert.equal(notification.status, 202);
    assert.equal(notification.headers.get('idempotent-replayed'), null);
    assert.notEqual((await notification.json()).id, id);

    assert.equal(await suite.client.llen('bull:payments:wait'), 1);
    const counted = await counters();
    assert.equal(counted.accepted, '2');
    assert.equal(counted.idempotentReplays, '3');
    assert.equal(await suite.client.hget(idempotencyKey('payments', 'order-7'), 'state'), 'added');
    const ttl = await suite.client.pttl(idempotencyKey('payments', 'order-7'));
    assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `TTL ${ttl}`);
    const invalid = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'has space' });
    assert.equal(invalid.status, 400);
    assert.equal((await invalid.json()).title, 'Invalid Idempotency-Key header');
  });

  test('a key claimed by a request that died before its add gets the job on retry, created once', async () => {
    const server = await api();
    const claimed = 'feedfacefeedfacefeedfacefeedface';
    // What a crashed first request leaves: the claim, no BullMQ job.
    await suite.client.hset(idempotencyKey('payments', 'crash-1'), 'jobId', claimed, 'bodyHash', 'ignored', 'state', 'claimed', 'enqueuedAt', '1000');
    const conflict = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'crash-1' });
    assert.equal(conflict.status, 422, 'a different body hash is still a conflict');
    const { bodyHash } = await import('../src/job-queue.js');
    await suite.client.hset(idempotencyKey('payments', 'crash-1'), 'bodyHash', bodyHash(JSON.stringify(payment())));
    const retry = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'crash-1' });
    assert.equal(retry.status, 202);
    assert.deepEqual(await retry.json(), { id: claimed, status: 'queued' });
    assert.equal(await suite.client.hget(`bull:payments:${claimed}`, 'timestamp'), '1000');
    const again = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'crash-1' });
    assert.deepEqual(await again.json(), { id: claimed, status: 'queued' });
    assert.equal(await suite.client.llen('bull:payments:wait'), 1);
    assert.equal((await counters()).accepted, '1');
  });

  test('a job that was added is answered 202 with its id even when the writes after the add fail', async () => {
    const server = await api();
    // A real Redis error after BullMQ's add: the counters key holds a string, so HINCRBY (accepted +1, the key's
    // confirm) answers WRONGTYPE, as a full Redis under noeviction answers OOM to the first write after the add.
    await suite.client.set(Counters, 'not a hash');
    const keyless = await postJson(server, '/payments', payment());
    assert.equal(keyless.status, 202, 'the job exists, so the client must get its id, not an error');
    const { id } = await keyless.json();
    assert.notEqual(await suite.client.hget(`bull:payments:${id}`, 'timestamp'), null);

    const keyed = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'after-add-1' });
    assert.equal(keyed.status, 202);
    const first = (await keyed.json()).id;
    await suite.client.del(Counters);
    const retry = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'after-add-1' });
    assert.equal(retry.status, 202);
    assert.equal((await retry.json()).id, first, 'a retry of the unconfirmed key gets the same job');
    assert.equal(await suite.client.hget(idempotencyKey('payments', 'after-add-1'), 'state'), 'added');
    assert.equal(await suite.client.llen('bull:payments:wait'), 2, 'two jobs: the keyless one and the keyed one, once');
  });

  test('a job that always fails is retried, then failed after Worker__MaxDeliveries attempts, with one dead-letter outcome', async () => {
    const server = await api({ Worker__MaxDeliveries: '3' });
    await workers({ Worker__FailureRate: '1', Worker__MaxDeliveries: '3' });
    const { id } = await (await postJson(server, '/payments', payment())).json();
    await waitFor('the payment to fail', async () => (await suite.client.zscore('bull:payments:failed', id)) !== null);
    const job = await suite.client.hgetall(`bull:payments:${id}`);
    assert.equal(job.atm, '3');
    assert.equal(job.ats, '3');
    assert.equal(job.failedReason, 'downstream failed');
    assert.ok(Number(job.finishedOn) >= Number(job.timestamp));
    assert.equal(await suite.client.get(`outcome:${id}`), 'dead-lettered');
    await waitFor('the failed counters', async () => (await counters()).deadLettered === '1');
    const counted = await counters();
    assert.equal(counted.failedAttempts, '3');
    assert.equal(counted.retried, '2');
    assert.equal(counted.processed, undefined);
    const read = await (await fetch(`${server.baseUrl}/payments/${id}`)).json();
    assert.equal(read.status, 'failed');
    assert.equal(read.completedAt, undefined);
    const health = await (await fetch(`${server.baseUrl}/health`)).json();
    assert.equal(health.queue.deadLetterLength, 1);
  });

  test('a job run twice (a lost lock) is stored and counted once, and a dead-lettered job is never also stored', async () => {
    const worker = await workers();
    const job = { id: 'ab'.repeat(16), data: payment(), timestamp: Date.now() - 5, attemptsMade: 0, opts: { attempts: 3 } };
    const kind = { type: 'payment', queue: 'payments' };
    assert.deepEqual(await worker.complete(job, kind), { outcome: 'stored' });
    assert.deepEqual(await worker.complete(job, kind), { outcome: 'stored' });
    let counted = await counters();
    assert.equal(counted.processed, '1');
    assert.equal(counted.duplicates, '1');
    assert.equal((await suite.client.hgetall('perf:aggregates'))['payments:count'], '1');
    assert.equal(await worker.deadLetter(job.id), 2, 'a stored job cannot be dead-lettered');

    const failed = { ...job, id: 'cd'.repeat(16) };
    assert.equal(await worker.deadLetter(failed.id), 1);
    await assert.rejects(worker.complete(failed, kind), { name: 'UnrecoverableError', message: 'already dead-lettered' });
    counted = await counters();
    assert.equal(counted.deadLettered, '1');
    assert.equal(counted.processed, '1');
    assert.equal(await suite.client.exists(`result:${failed.id}`), 0);
  });

  test('a job whose worker stops renewing its lock is stalled, run again by another worker, and stored once', async () => {
    const server = await api();
    const stuck = await workers({ Worker__SimulatedDownstreamMs: '1500', Worker__ReclaimIdleMs: '300' });
    const { id } = await (await postJson(server, '/payments', payment())).json();
    await waitFor('the first worker to take the job', async () => (await suite.client.hget(`bull:payments:${id}`, 'ats')) === '1');
    // What a hung or partitioned worker looks like to BullMQ: its lock is no longer renewed, its run goes on.
    await Promise.all(stuck.workers.map((worker) => worker.close(true)));
    await workers({ Worker__SimulatedDownstreamMs: '0', Worker__ReclaimIdleMs: '300' });
    await waitFor('the job to complete on the second worker', async () => (await suite.client.zscore('bull:payments:completed', id)) !== null);
    await waitFor('the first run to end as a duplicate', async () => (await counters()).duplicates === '1', 10_000);
    const job = await suite.client.hgetall(`bull:payments:${id}`);
    assert.equal(job.stc, '1', 'BullMQ 6.7.0 counts stalls in the field stc');
    assert.equal(job.ats, '2');
    assert.equal(job.atm, '1');
    assert.equal(job.stalledCounter, undefined);
    const counted = await counters();
    assert.equal(counted.processed, '1');
    assert.equal(counted.retried, '1', 'the stalled event');
    assert.equal(await suite.client.get(`outcome:${id}`), 'stored');
  });

  test('the HTTP contract answers bad input with problem details, never a 500', async () => {
    const server = await api({ Api__MaxBodyBytes: '64' });
    const problemOf = async (response) => ({ status: response.status, type: response.headers.get('content-type'), body: await response.json() });
    const tooLarge = await problemOf(await postJson(server, '/payments', payment({ description: 'x'.repeat(100) })));
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.type, 'application/problem+json');
    assert.equal(tooLarge.body.detail, 'The request body is larger than 64 bytes.');
    const noType = await problemOf(await fetch(`${server.baseUrl}/payments`, { method: 'POST', body: '{}' }));
    assert.equal(noType.status, 415);
    const malformed = await problemOf(await postJson(server, '/payments', '{"amount":'));
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.title, 'Malformed JSON');
    const invalid = await problemOf(await postJson(server, '/payments', { amount: -1, currency: 'XXX' }));
    assert.equal(invalid.status, 422);
    assert.deepEqual(Object.keys(invalid.body.errors).sort(), ['amount', 'currency', 'customerId']);
    // ASP.NET Core's type for 422, as the C# API answers.
    assert.equal(invalid.body.type, 'https://tools.ietf.org/html/rfc4918#section-11.2');
    const badId = await problemOf(await fetch(`${server.baseUrl}/payments/not-an-id`));
    assert.equal(badId.status, 400);
    const unknown = await problemOf(await fetch(`${server.baseUrl}/payments/${'0'.repeat(32)}`));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.detail, `No payment with id '${'0'.repeat(32)}'.`);
    assert.equal((await fetch(`${server.baseUrl}/nowhere`)).status, 404);
    assert.equal((await counters()).accepted, undefined, 'nothing was enqueued');
  });

  test('backpressure refuses new jobs with 503 and Retry-After once queue lag passes the limit', async () => {
    const server = await api({ Api__BackpressureEnabled: 'true', Api__BackpressureMaxLag: '2' });
    for (let i = 0; i < 3; i++) assert.equal((await postJson(server, '/payments', payment())).status, 202);
    const refused = await waitFor('a 503 from backpressure', async () => {
      const response = await postJson(server, '/payments', payment());
      return response.status === 503 && response;
    });
    assert.equal(refused.headers.get('retry-after'), '1');
    const body = await refused.json();
    assert.equal(body.title, 'Queue is full');
    // Requests accepted while the 250 ms sampler had not yet seen the third job add to the lag.
    const [, load] = /^Queue lag \+ pending is (\d+), above the limit of 2; retry later\.$/.exec(body.detail) ?? [];
    assert.ok(Number(load) >= 3, body.detail);
    await waitFor('the rejection counter', async () => (await counters()).backpressureRejected === '1');
  });

  // Last: it stops this file's Redis.
  test('with Redis down the API answers 503 + Retry-After at once, and /health says what is down', async () => {
    const server = await api();
    await suite.redis.stop();
    const started = Date.now();
    const refused = await postJson(server, '/payments', payment());
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal((await refused.json()).detail, 'Redis or the result store is unavailable; retry later.');
    const keyed = await postJson(server, '/payments', payment(), { 'Idempotency-Key': 'k-1' });
    assert.equal(keyed.status, 503);
    assert.match((await keyed.json()).detail, /retrying with the same Idempotency-Key is safe/);
    const health = await fetch(`${server.baseUrl}/health`);
    assert.equal(health.status, 503);
    assert.deepEqual(await health.json(), { status: 'unhealthy', redis: 'down', store: 'down', storeKind: 'redis' });
    assert.ok(Date.now() - started < 5000, 'answered without waiting for command timeouts');
  });
});
