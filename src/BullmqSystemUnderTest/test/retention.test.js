// Retention against a real redis-server: finished jobs stay for Worker__JobKeyRetentionSeconds (so an audit of a run
// can read every outcome by id) and go after it, as the C# system's job keys do (docs/system-under-test.md, "Retention").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './support/redis-server.js';
import { redisSuite } from './support/redis-suite.js';
import { payment, postJson } from './support/system.js';

// Long enough that the checks on a recent job run well inside it, short enough for a unit test's wait.
const RetentionSeconds = 2;

describe('BullmqSystem retention (real Redis)', () => {
  const suite = redisSuite();

  const start = async (settings) => {
    const server = await suite.api(settings);
    await suite.workers({ Worker__JobKeyRetentionSeconds: String(RetentionSeconds), ...settings });
    return server;
  };

  /** Posts one payment and waits until BullMQ has it in the finished set `set`; returns its id and finish time. */
  const finish = async (server, set) => {
    const { id } = await (await postJson(server, '/payments', payment())).json();
    const finishedOn = await waitFor(`payment ${id} in bull:payments:${set}`, async () => suite.client.zscore(`bull:payments:${set}`, id));
    return { id, finishedOn: Number(finishedOn) };
  };

  /** What the system still keeps of a job: its BullMQ hash, its place in the finished set, its outcome and result. */
  const kept = async (id, set) => ({
    hash: await suite.client.exists(`bull:payments:${id}`),
    inSet: (await suite.client.zscore(`bull:payments:${set}`, id)) !== null,
    outcome: await suite.client.exists(`outcome:${id}`),
  });

  /** Waits for the clock, not for a fixed sleep: the first job's finish time plus the retention has passed. */
  const retentionPassed = (finishedOn) =>
    waitFor('the retention to pass', async () => Date.now() > finishedOn + RetentionSeconds * 1000 + 50, RetentionSeconds * 1000 + 5000);

  for (const [outcome, set, settings, outcomeValue] of [
    ['completed', 'completed', {}, 'stored'],
    ['failed', 'failed', { Worker__FailureRate: '1', Worker__MaxDeliveries: '1' }, 'dead-lettered'],
  ]) {
    test(`a ${outcome} job is kept for the retention and removed after it, when a later job finishes`, async () => {
      const server = await start(settings);
      const old = await finish(server, set);

      // Within the retention: everything an audit or a client reads is there, and the outcome expires with the job.
      assert.deepEqual(await kept(old.id, set), { hash: 1, inSet: true, outcome: 1 });
      assert.equal(await suite.client.get(`outcome:${old.id}`), outcomeValue);
      const outcomeTtl = await suite.client.pttl(`outcome:${old.id}`);
      assert.ok(outcomeTtl > 0 && outcomeTtl <= RetentionSeconds * 1000, `outcome TTL ${outcomeTtl} ms`);
      if (outcome === 'completed') {
        const resultTtl = await suite.client.pttl(`result:${old.id}`);
        assert.ok(resultTtl > 0 && resultTtl <= RetentionSeconds * 1000, `result TTL ${resultTtl} ms`);
      }
      assert.equal((await (await fetch(`${server.baseUrl}/payments/${old.id}`)).json()).status, outcome);

      // BullMQ removes aged jobs when the next job of the same kind finishes: the old one goes, the recent one stays.
      await retentionPassed(old.finishedOn);
      const recent = await finish(server, set);
      assert.deepEqual(await kept(old.id, set), { hash: 0, inSet: false, outcome: 0 }, 'the job older than the retention is gone');
      assert.equal(await suite.client.exists(`result:${old.id}`), 0);
      assert.equal((await fetch(`${server.baseUrl}/payments/${old.id}`)).status, 404);
      assert.deepEqual(await kept(recent.id, set), { hash: 1, inSet: true, outcome: 1 }, 'the job finished within the retention stays');
      assert.equal(await suite.client.zcard(`bull:payments:${set}`), 1);
    });
  }
});
