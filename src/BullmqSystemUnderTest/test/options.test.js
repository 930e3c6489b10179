import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError, loadOptions, parseListenUrl, readConfiguration } from '../src/options.js';
import { parseRedisConnectionString } from '../src/redis-connection.js';

describe('Options', () => {
  const load = (env, argv = []) => loadOptions(readConfiguration(env, argv));
  const failuresOf = (env, argv = []) => {
    try {
      load(env, argv);
    } catch (error) {
      assert.ok(error instanceof SettingsError);
      return error.failures;
    }
    assert.fail('expected a SettingsError');
  };

  test('defaults are the C# system defaults', () => {
    const options = load({ Store__Kind: 'redis' });
    assert.equal(options.role, 'api');
    assert.deepEqual(options.listen, { host: '127.0.0.1', port: 8080 });
    assert.equal(options.redis.host, '127.0.0.1');
    assert.equal(options.redis.port, 6379);
    assert.equal(options.redis.poolSize, 1);
    assert.deepEqual(options.worker, {
      concurrency: 8, simulatedDownstreamMs: 20, failureRate: 0, maxDeliveries: 3, reclaimIdleMs: 30000, batchSize: 32,
      maxPollDelayMs: 1000, jobKeyRetentionSeconds: 1800, consumerName: '',
    });
    assert.deepEqual(options.api, {
      backpressureEnabled: false, backpressureMaxLag: 5000, maxBodyBytes: 65536, requestTimeoutMs: 10000,
      analyticsCacheSeconds: 5, idempotencyTtlSeconds: 86400,
    });
    assert.equal(options.prefix, 'bull');
  });

  test('environment names are the C# names, case-insensitive, and the command line overrides them', () => {
    const options = load(
      { WORKER__CONCURRENCY: '4', Worker__FailureRate: '0.25', Api__BackpressureEnabled: 'True', Redis__PoolSize: '8', Store__Kind: 'redis' },
      ['--role', 'worker', '--Worker:Concurrency=16'],
    );
    assert.equal(options.role, 'worker');
    assert.equal(options.worker.concurrency, 16);
    assert.equal(options.worker.failureRate, 0.25);
    assert.equal(options.api.backpressureEnabled, true);
    assert.equal(options.redis.poolSize, 8);
  });

  test('every out-of-range setting is reported at once with its C# message', () => {
    const failures = failuresOf({
      Worker__Concurrency: '0', Redis__PoolSize: '65', Worker__FailureRate: '1.5', Api__MaxBodyBytes: '10', Store__Kind: 'postgres',
      Worker__JobKeyRetentionSeconds: '0',
    });
    assert.deepEqual(failures, [
      'Redis__PoolSize must be between 1 and 64 (1 = pooling off).',
      'Store__Kind must be one of: mongo, redis.',
      'Worker__Concurrency must be between 1 and 1024.',
      'Worker__FailureRate must be between 0 and 1.',
      'Worker__JobKeyRetentionSeconds must be between 1 and 2592000.',
      'Api__MaxBodyBytes must be between 64 and 16777216.',
    ]);
  });

  test('a value of the wrong type gets the binder message naming the setting', () => {
    assert.deepEqual(failuresOf({ Worker__Concurrency: 'lots', Store__Kind: 'redis' }), [
      "Failed to convert configuration value 'lots' at 'Worker:Concurrency' to type 'System.Int32'.",
    ]);
  });

  test('an unknown role and a bad Mongo connection string are refused', () => {
    const failures = failuresOf({ Role: 'both', Store__Kind: 'mongo', Store__MongoConnectionString: 'http://x' });
    assert.ok(failures.includes("Role: 'both' is not allowed. Allowed values: api, worker."));
    assert.ok(failures.includes('Store__MongoConnectionString must start with mongodb:// or mongodb+srv:// when Store__Kind is mongo.'));
  });

  test('StackExchange.Redis connection strings become ioredis options', () => {
    assert.deepEqual(
      parseRedisConnectionString('redis.local:6380,password=s3cret,defaultDatabase=2,abortConnect=false,ssl=true,user=app'),
      { host: 'redis.local', port: 6380, password: 's3cret', db: 2, tls: {}, username: 'app' },
    );
    assert.deepEqual(parseRedisConnectionString('127.0.0.1'), { host: '127.0.0.1', port: 6379 });
    assert.throws(() => parseRedisConnectionString('127.0.0.1,colour=blue'), /Keyword 'colour' is not supported/);
    assert.throws(() => parseRedisConnectionString('password=x'), /No endpoints specified/);
    assert.deepEqual(failuresOf({ Redis__ConnectionString: ',defaultDatabase=x', Store__Kind: 'redis' }), [
      "Redis__ConnectionString is not a valid StackExchange.Redis configuration string: Keyword 'defaultdatabase' requires an integer value; the value 'x' is not recognised.",
    ]);
  });

  test('Redis__PasswordFile replaces the password of the connection string, as in the C# system', () => {
    const directory = mkdtempSync(join(tmpdir(), 'bullmq-options-'));
    const file = join(directory, 'redis-password');
    writeFileSync(file, 'from-file\n', { mode: 0o600 });
    try {
      const options = loadOptions(readConfiguration({ Redis__ConnectionString: '127.0.0.1:6379,password=old', Redis__PasswordFile: file, Store__Kind: 'redis' }, []));
      assert.equal(options.redis.password, 'from-file');
      assert.deepEqual(failuresOf({ Redis__PasswordFile: join(directory, 'missing'), Store__Kind: 'redis' }).map((f) => f.split(':')[0]),
        [`Redis__PasswordFile '${join(directory, 'missing')}' cannot be read`]);
    } finally {
      rmSync(directory, { recursive: true });
    }
  });

  test('Urls takes the first http address', () => {
    assert.deepEqual(parseListenUrl('http://0.0.0.0:5000;http://127.0.0.1:5001'), { host: '0.0.0.0', port: 5000 });
    assert.deepEqual(parseListenUrl('http://+:80'), { host: '0.0.0.0', port: 80 });
    assert.throws(() => parseListenUrl('https://127.0.0.1:443'), /not supported/);
  });

  test('the process exits 2 with one line per invalid setting', () => {
    const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main, '--role', 'worker'], {
      env: { PATH: process.env.PATH, Worker__Concurrency: '0', Worker__MaxDeliveries: '101', Store__Kind: 'redis' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'Worker__Concurrency must be between 1 and 1024.\nWorker__MaxDeliveries must be between 1 and 100.\n');
  });
});
