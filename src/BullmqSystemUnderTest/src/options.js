// Settings with the names, defaults and ranges of src/SystemUnderTest (docs/system-under-test.md): environment
// variables `Section__Key`, overridden by the command line (`--role worker`, `--Worker:Concurrency=4`). Keys are
// case-insensitive, as in .NET configuration. Every failure is one line naming the setting; the caller exits 2.
import { readFileSync } from 'node:fs';
import { parseRedisConnectionString } from './redis-connection.js';

export const InvalidSettingExitCode = 2;

export class SettingsError extends Error {
  constructor(failures) {
    super(failures.join('\n'));
    this.failures = failures;
  }
}

/** Flattens the environment and argv into one case-insensitive map with ':' as the section separator. */
export function readConfiguration(env = process.env, argv = process.argv.slice(2)) {
  const values = new Map();
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) values.set(name.replaceAll('__', ':').toLowerCase(), value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    let name;
    let value;
    if (eq > 0) {
      name = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else {
      name = arg.slice(2);
      value = argv[i + 1] ?? '';
      i++;
    }
    values.set(name.replaceAll('__', ':').toLowerCase(), value);
  }
  return values;
}

const integer = (min, max) => ({ kind: 'int', min, max });

// [setting, default, rule, message]; messages are the C# system's, word for word where it has one.
const Rules = [
  ['Redis:ConnectionString', '127.0.0.1:6379', { kind: 'redis' }],
  ['Redis:PasswordFile', '', { kind: 'string' }],
  ['Redis:PoolSize', 1, integer(1, 64), 'Redis__PoolSize must be between 1 and 64 (1 = pooling off).'],
  ['Store:Kind', 'mongo', { kind: 'enum', values: ['mongo', 'redis'] }, 'Store__Kind must be one of: mongo, redis.'],
  ['Store:MongoConnectionString', 'mongodb://127.0.0.1:27017', { kind: 'string' }],
  ['Store:MongoDatabase', 'perf', { kind: 'string' }],
  ['Store:MongoMaxPoolSize', 100, integer(1, 10_000), 'Store__MongoMaxPoolSize must be between 1 and 10000.'],
  ['Worker:Concurrency', 8, integer(1, 1024), 'Worker__Concurrency must be between 1 and 1024.'],
  ['Worker:SimulatedDownstreamMs', 20, integer(0, 60_000), 'Worker__SimulatedDownstreamMs must be between 0 and 60000.'],
  ['Worker:FailureRate', 0, { kind: 'double', min: 0, max: 1 }, 'Worker__FailureRate must be between 0 and 1.'],
  ['Worker:MaxDeliveries', 3, integer(1, 100), 'Worker__MaxDeliveries must be between 1 and 100.'],
  ['Worker:ReclaimIdleMs', 30_000, integer(1, 86_400_000), 'Worker__ReclaimIdleMs must be between 1 and 86400000.'],
  ['Worker:BatchSize', 32, integer(1, 1000), 'Worker__BatchSize must be between 1 and 1000.'],
  ['Worker:MaxPollDelayMs', 1000, integer(1, 10_000), 'Worker__MaxPollDelayMs must be between 1 and 10000.'],
  ['Worker:JobKeyRetentionSeconds', 1800, integer(1, 2_592_000), 'Worker__JobKeyRetentionSeconds must be between 1 and 2592000.'],
  ['Worker:ConsumerName', '', { kind: 'pattern', pattern: /^[\x21-\x7E]{0,128}$/ },
    'Worker__ConsumerName must be at most 128 printable characters without spaces.'],
  ['Api:BackpressureEnabled', false, { kind: 'bool' }],
  ['Api:BackpressureMaxLag', 5000, integer(1, 1_000_000_000), 'Api__BackpressureMaxLag must be between 1 and 1000000000.'],
  ['Api:MaxBodyBytes', 65_536, integer(64, 16_777_216), 'Api__MaxBodyBytes must be between 64 and 16777216.'],
  ['Api:RequestTimeoutMs', 10_000, integer(10, 600_000), 'Api__RequestTimeoutMs must be between 10 and 600000.'],
  ['Api:AnalyticsCacheSeconds', 5, integer(0, 86_400), 'Api__AnalyticsCacheSeconds must be between 0 and 86400.'],
  ['Api:IdempotencyTtlSeconds', 86_400, integer(1, 604_800), 'Api__IdempotencyTtlSeconds must be between 1 and 604800.'],
  ['Bullmq:Prefix', 'bull', { kind: 'pattern', pattern: /^[^\s:{}]{1,64}$/ },
    'Bullmq__Prefix must be 1 to 64 characters without spaces, ":", "{" or "}".'],
];

function convert(setting, text, rule, failures) {
  // The .NET binder's wording for a value of the wrong type, which names the setting with ':'.
  const wrongType = (type) => failures.push(`Failed to convert configuration value '${text}' at '${setting}' to type '${type}'.`);
  switch (rule.kind) {
    case 'int': {
      if (!/^\s*[+-]?\d+\s*$/.test(text)) return wrongType('System.Int32'), undefined;
      return Number(text);
    }
    case 'double': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) return wrongType('System.Double'), undefined;
      return value;
    }
    case 'bool': {
      const lower = text.trim().toLowerCase();
      if (lower !== 'true' && lower !== 'false') return wrongType('System.Boolean'), undefined;
      return lower === 'true';
    }
    default:
      return text;
  }
}

/** Reads and validates every setting; throws SettingsError listing every failure. */
export function loadOptions(configuration = readConfiguration()) {
  const failures = [];
  const flat = {};
  for (const [setting, fallback, rule, message] of Rules) {
    const text = configuration.get(setting.toLowerCase());
    const value = text === undefined ? fallback : convert(setting, text, rule, failures);
    if (value === undefined) continue;
    const outOfRange =
      ((rule.kind === 'int' || rule.kind === 'double') && (value < rule.min || value > rule.max)) ||
      (rule.kind === 'enum' && !rule.values.includes(value)) ||
      (rule.kind === 'pattern' && !rule.pattern.test(value));
    if (outOfRange) failures.push(message);
    flat[setting] = value;
  }

  const connectionString = flat['Redis:ConnectionString'];
  let redis;
  if (connectionString === undefined || connectionString.trim() === '') {
    failures.push('Redis__ConnectionString is required: a StackExchange.Redis configuration string such as 127.0.0.1:6379.');
  } else {
    try {
      redis = parseRedisConnectionString(connectionString);
    } catch (error) {
      failures.push(`Redis__ConnectionString is not a valid StackExchange.Redis configuration string: ${error.message}`);
    }
  }
  // Docker's *_FILE convention, as the C# system: a password in an environment variable shows in `docker inspect`.
  const passwordFile = flat['Redis:PasswordFile'];
  if (redis && passwordFile) {
    try {
      const password = readFileSync(passwordFile, 'utf8').replace(/[\r\n]+$/, '');
      if (password === '') failures.push(`Redis__PasswordFile '${passwordFile}' is empty: it must hold the Redis password.`);
      else redis.password = password;
    } catch (error) {
      failures.push(`Redis__PasswordFile '${passwordFile}' cannot be read: ${error.message}`);
    }
  }
  if (flat['Store:Kind'] === 'mongo') {
    const mongo = flat['Store:MongoConnectionString'] ?? '';
    if (!mongo.startsWith('mongodb://') && !mongo.startsWith('mongodb+srv://')) {
      failures.push('Store__MongoConnectionString must start with mongodb:// or mongodb+srv:// when Store__Kind is mongo.');
    }
    if (!(flat['Store:MongoDatabase'] ?? '').trim()) failures.push('Store__MongoDatabase is required when Store__Kind is mongo.');
  }

  const role = configuration.get('role') ?? 'api';
  if (role !== 'api' && role !== 'worker') failures.push(`Role: '${role}' is not allowed. Allowed values: api, worker.`);
  const urls = configuration.get('urls') ?? 'http://127.0.0.1:8080';
  let listen;
  try {
    listen = parseListenUrl(urls);
  } catch (error) {
    failures.push(error.message);
  }
  if (failures.length > 0) throw new SettingsError(failures);

  return {
    role,
    listen,
    redis: { ...redis, connectionString, poolSize: flat['Redis:PoolSize'] },
    store: {
      kind: flat['Store:Kind'],
      mongoConnectionString: flat['Store:MongoConnectionString'],
      mongoDatabase: flat['Store:MongoDatabase'],
      mongoMaxPoolSize: flat['Store:MongoMaxPoolSize'],
    },
    worker: {
      concurrency: flat['Worker:Concurrency'],
      simulatedDownstreamMs: flat['Worker:SimulatedDownstreamMs'],
      failureRate: flat['Worker:FailureRate'],
      maxDeliveries: flat['Worker:MaxDeliveries'],
      reclaimIdleMs: flat['Worker:ReclaimIdleMs'],
      batchSize: flat['Worker:BatchSize'],
      maxPollDelayMs: flat['Worker:MaxPollDelayMs'],
      jobKeyRetentionSeconds: flat['Worker:JobKeyRetentionSeconds'],
      consumerName: flat['Worker:ConsumerName'],
    },
    api: {
      backpressureEnabled: flat['Api:BackpressureEnabled'],
      backpressureMaxLag: flat['Api:BackpressureMaxLag'],
      maxBodyBytes: flat['Api:MaxBodyBytes'],
      requestTimeoutMs: flat['Api:RequestTimeoutMs'],
      analyticsCacheSeconds: flat['Api:AnalyticsCacheSeconds'],
      idempotencyTtlSeconds: flat['Api:IdempotencyTtlSeconds'],
    },
    prefix: flat['Bullmq:Prefix'],
  };
}

/** The first of ASP.NET Core's `Urls` (';'-separated): http only, as the C# image serves. */
export function parseListenUrl(urls) {
  const first = urls.split(';')[0].trim();
  const match = /^http:\/\/([^/:]+|\[[^\]]+\]):(\d{1,5})\/?$/.exec(first);
  if (!match || Number(match[2]) > 65535) {
    throw new Error(`Urls: '${urls}' is not supported; expected http://host:port (for example http://127.0.0.1:8080).`);
  }
  const host = match[1] === '*' || match[1] === '+' ? '0.0.0.0' : match[1].replace(/^\[|\]$/g, '');
  return { host, port: Number(match[2]) };
}
