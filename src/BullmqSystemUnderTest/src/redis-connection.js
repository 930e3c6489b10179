// StackExchange.Redis configuration strings (`host:port,password=...,ssl=true,defaultDatabase=1`) turned into
// ioredis options, so this system takes the same Redis__ConnectionString as the C# one.
import Redis from 'ioredis';

// Keys StackExchange.Redis accepts that have no ioredis counterpart here are accepted and ignored, as long as
// they are StackExchange.Redis keys: an unknown key is an error there too.
const IgnoredKeys = new Set([
  'abortconnect', 'allowadmin', 'asynctimeout', 'synctimeout', 'keepalive', 'connectretry', 'checkcertificaterevocation',
  'configchannel', 'configcheckseconds', 'tiebreaker', 'version', 'proxy', 'resolvedns', 'responsetimeout',
  'servicename', 'sslprotocols', 'sslhost', 'highprioritysocketthreads', 'setlib', 'protocol', 'channelprefix',
]);

export function parseRedisConnectionString(text) {
  const options = { host: undefined, port: 6379 };
  for (const raw of text.split(',')) {
    const token = raw.trim();
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq < 0) {
      if (options.host !== undefined) continue; // further endpoints: a single-node client uses the first
      const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(token);
      if (!match) throw new Error(`'${token}' is not an endpoint (host or host:port).`);
      options.host = match[1].replace(/^\[|\]$/g, '');
      if (match[2] !== undefined) options.port = Number(match[2]);
      continue;
    }
    const key = token.slice(0, eq).trim().toLowerCase();
    const value = token.slice(eq + 1).trim();
    switch (key) {
      case 'password': options.password = value; break;
      case 'user': options.username = value; break;
      case 'name': options.connectionName = value; break;
      case 'defaultdatabase': options.db = integerOf(key, value); break;
      case 'connecttimeout': options.connectTimeout = integerOf(key, value); break;
      case 'ssl': options.tls = booleanOf(key, value) ? {} : undefined; break;
      default:
        if (!IgnoredKeys.has(key)) throw new Error(`Keyword '${token.slice(0, eq).trim()}' is not supported.`);
    }
  }
  if (options.host === undefined) throw new Error('No endpoints specified.');
  return options;
}

function integerOf(key, value) {
  if (!/^\d+$/.test(value)) throw new Error(`Keyword '${key}' requires an integer value; the value '${value}' is not recognised.`);
  return Number(value);
}

function booleanOf(key, value) {
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new Error(`Keyword '${key}' requires a Boolean value; the value '${value}' is not recognised.`);
  return lower === 'true';
}

/** The ioredis options every client shares: where Redis is, and a reconnect within ~2 s of Redis coming back. */
function baseOptions(redis, name) {
  return {
    host: redis.host,
    port: redis.port,
    password: redis.password,
    username: redis.username,
    db: redis.db,
    tls: redis.tls,
    connectTimeout: redis.connectTimeout ?? 5000,
    connectionName: redis.connectionName ?? name,
    retryStrategy: (times) => Math.min(250 * 2 ** (times - 1), 2000),
  };
}

/**
 * A command client for the API: while Redis is unreachable, commands fail at once (no offline queue) so the API
 * answers 503 + Retry-After instead of holding requests.
 */
export function createCommandClient(redis, name) {
  return new Redis({ ...baseOptions(redis, name), commandTimeout: 5000, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
}

/** A client for BullMQ Workers: BullMQ requires maxRetriesPerRequest null, and its loops ride out an outage. */
export function createWorkerClient(redis, name) {
  return new Redis({ ...baseOptions(redis, name), maxRetriesPerRequest: null });
}

/** True for errors that mean "Redis did not answer" (not a reply Redis sent). */
export function isConnectionError(error) {
  if (!error || typeof error !== 'object') return false;
  if (error.name === 'ReplyError') return false;
  const message = String(error.message ?? '');
  return error.name === 'MaxRetriesPerRequestError' || error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ||
    /Stream isn't writeable|Connection is closed|Command timed out|connect ETIMEDOUT|enableOfflineQueue|ECONNREFUSED|Reached the max retries/i.test(message);
}

/** Redis refused a write because maxmemory is reached under noeviction. */
export const isOutOfMemoryError = (error) =>
  error?.name === 'ReplyError' && /^(OOM|EXECABORT)/.test(String(error.message));
