using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Queue;

/// <summary>
/// The enqueue of a request that carries an idempotency key, as one script: claiming the key and creating the job
/// (state hash, XADD, accepted counter) happen together or not at all, so concurrent requests with one key create
/// exactly one job, and a commit whose answer was lost is found again by the retry.
/// </summary>
internal static class IdempotentEnqueue
{
    // KEYS: idem key, job hash, stream, counters. ARGV: job id, ttl ms, body hash, enqueuedAt, type, payload, the two
    // counter names, traceparent and tracestate ('' when absent, then the entry has no such field), '1' when new jobs
    // are refused, then the job hash's field/value pairs. The key's record is a hash {jobId, bodyHash} with the TTL.
    // Returns {outcome, job id}: 0 created, 1 replayed (same body), 2 the key belongs to a different body, 3 refused
    // (a new key while new jobs are refused: a replay is still answered).
    private const string Script = """
        local existing = redis.call('HMGET', KEYS[1], 'jobId', 'bodyHash')
        if existing[1] then
          if existing[2] ~= ARGV[3] then
            return {2, existing[1]}
          end
          redis.call('HINCRBY', KEYS[4], ARGV[8], 1)
          return {1, existing[1]}
        end
        if ARGV[11] == '1' then
          return {3, ''}
        end
        redis.call('HSET', KEYS[1], 'jobId', ARGV[1], 'bodyHash', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('HSET', KEYS[2], unpack(ARGV, 12))
        local entry = {'id', ARGV[1], 'type', ARGV[5], 'payload', ARGV[6], 'enqueuedAt', ARGV[4]}
        if ARGV[9] ~= '' then
          entry[#entry + 1] = 'traceparent'
          entry[#entry + 1] = ARGV[9]
        end
        if ARGV[10] ~= '' then
          entry[#entry + 1] = 'tracestate'
          entry[#entry + 1] = ARGV[10]
        end
        redis.call('XADD', KEYS[3], '*', unpack(entry))
        redis.call('HINCRBY', KEYS[4], ARGV[7], 1)
        return {0, ARGV[1]}
        """;

    public static async Task<EnqueueResult> RunAsync(
        IDatabase database, string endpoint, string key, long ttlMs, string bodyHash, string id, string stream, string type, string payload,
        long enqueuedAt, HashEntry[] fields, TraceContext trace, bool refuseNew)
    {
        RedisKey[] keys = [RedisKeys.IdempotencyKey(endpoint, key), RedisKeys.Job(id), stream, RedisKeys.Counters];
        var args = new RedisValue[11 + (fields.Length * 2)];
        args[0] = id;
        args[1] = ttlMs;
        args[2] = bodyHash;
        args[3] = enqueuedAt;
        args[4] = type;
        args[5] = payload;
        args[6] = CounterNames.Accepted;
        args[7] = CounterNames.IdempotentReplays;
        args[8] = trace.TraceParent ?? string.Empty;
        args[9] = trace.TraceState ?? string.Empty;
        args[10] = refuseNew ? "1" : "0";
        for (var i = 0; i < fields.Length; i++)
        {
            args[11 + (2 * i)] = fields[i].Name;
            args[12 + (2 * i)] = fields[i].Value;
        }

        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(Script, keys, args))!;
        return new EnqueueResult(reply[1].ToString(), (EnqueueOutcome)(int)reply[0]);
    }
}
