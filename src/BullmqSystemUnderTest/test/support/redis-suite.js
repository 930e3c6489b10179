// The hooks every real-Redis test file needs: one redis-server for the file, and after each test whatever it started
// (API, workers) closed and Redis emptied, so tests do not see each other's jobs.
import { after, afterEach, before } from 'node:test';
import { RedisServer } from './redis-server.js';
import { startApi, startWorkers } from './system.js';

/** Registers the hooks in the calling describe; `redis` and `client` are set once its `before` has run. */
export function redisSuite() {
  const running = [];
  const track = (started) => {
    running.push(started);
    return started;
  };
  const suite = {
    redis: undefined,
    client: undefined,
    api: async (settings) => track(await startApi(suite.redis, settings)),
    workers: async (settings) => track(await startWorkers(suite.redis, settings)),
  };
  before(async () => {
    suite.redis = await RedisServer.start();
    suite.client = suite.redis.client();
  });
  after(async () => {
    suite.client?.disconnect();
    await suite.redis?.stop();
  });
  afterEach(async () => {
    while (running.length > 0) await running.pop().close();
    if (suite.redis.running) await suite.client.flushall();
  });
  return suite;
}
