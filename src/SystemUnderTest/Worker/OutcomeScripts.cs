namespace SystemUnderTest.Worker;

/// <summary>
/// The two ways a job can end, each one Lua script so that the decision, its counters, the job status, the latency
/// bucket and the XACK happen together or not at all. Both decide through <c>outcome:{id}</c> (SET NX): whichever
/// script sets it first is the job's one outcome, and the other only acknowledges its own delivery. An entry with an
/// outcome is deleted from its stream (XDEL) with its acknowledgement: the streams hold only unfinished jobs, so
/// Redis memory does not grow with every job ever accepted.
/// </summary>
internal static class OutcomeScripts
{
    /// <summary>Values the completion script returns per job.</summary>
    public const long Stored = 1;
    public const long StoredAckMissed = 2;
    public const long AlreadyStored = 0;
    public const long AlreadyDeadLettered = 3;

    /// <summary>Values the dead-letter script returns.</summary>
    public const long Moved = 1;
    public const long NotPending = 0;
    public const long DecidedElsewhere = 2;

    /// <summary>Keys before the per-job keys of <see cref="Complete"/>, and keys and arguments per job.</summary>
    public const int CompleteSharedKeys = 3;
    public const int CompleteKeysPerJob = 4;
    public const int CompleteSharedArgs = 3;
    public const int CompleteArgsPerJob = 7;

    /// <summary>
    /// Completes a batch of jobs. KEYS: counters, aggregates, latency buckets, then per job: stream, job hash,
    /// outcome, result. ARGV: group, '1' when the result lives in Redis, completedAt, then per job: entry id, type,
    /// amount, currency, latency bucket (its HdrHistogram field), latency ms, result JSON (empty when not in Redis).
    /// </summary>
    public const string Complete = """
        local group, inRedis, now = ARGV[1], ARGV[2] == '1', ARGV[3]
        local results = {}
        local n = (#KEYS - 3) / 4
        for i = 0, n - 1 do
          local k, a = 4 + i * 4, 4 + i * 7
          local entry, jobType, amount, currency, bucket, latency = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
          local acked = redis.call('XACK', KEYS[k], group, entry)
          redis.call('XDEL', KEYS[k], entry)
          if redis.call('SET', KEYS[k + 2], 'stored', 'NX') then
            if inRedis then
              redis.call('SET', KEYS[k + 3], ARGV[a + 6])
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
            redis.call('HINCRBY', KEYS[1], 'processed', 1)
            if redis.call('EXISTS', KEYS[k + 1]) == 1 then
              redis.call('HSET', KEYS[k + 1], 'status', 'completed', 'completedAt', now)
            end
            redis.call('HINCRBY', KEYS[3], bucket, 1)
            local max = tonumber(redis.call('HGET', KEYS[3], 'max') or '0')
            if tonumber(latency) > max then
              redis.call('HSET', KEYS[3], 'max', latency)
            end
            if acked == 1 then
              results[i + 1] = 1
            else
              redis.call('HINCRBY', KEYS[1], 'ackMisses', 1)
              results[i + 1] = 2
            end
          else
            redis.call('HINCRBY', KEYS[1], 'duplicates', 1)
            if redis.call('GET', KEYS[k + 2]) == 'dead-lettered' then
              results[i + 1] = 3
            else
              results[i + 1] = 0
            end
          end
        end
        redis.call('HSET', KEYS[1], 'lastOutcomeAtMs', now)
        return results
        """;

    /// <summary>
    /// Moves one delivery to the dead-letter stream unless the job already has an outcome. KEYS: stream, dead-letter
    /// stream, counters, job hash, outcome. ARGV: group, entry id, job id, type, payload, enqueuedAt, deliveries,
    /// reason, now. XACK decides between two consumers that both hold the entry: only the one it was still pending
    /// for moves it. A malformed entry (no job id) has no outcome key to set and is moved on the XACK alone.
    /// </summary>
    public const string DeadLetter = """
        local hasId = ARGV[3] ~= ''
        if hasId and redis.call('EXISTS', KEYS[5]) == 1 then
          redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
          redis.call('XDEL', KEYS[1], ARGV[2])
          return 2
        end
        if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
          return 0
        end
        redis.call('XDEL', KEYS[1], ARGV[2])
        redis.call('XADD', KEYS[2], '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5], 'enqueuedAt', ARGV[6],
          'originalId', ARGV[2], 'deliveries', ARGV[7], 'reason', ARGV[8])
        redis.call('HINCRBY', KEYS[3], 'deadLettered', 1)
        if hasId then
          redis.call('SET', KEYS[5], 'dead-lettered')
          if redis.call('EXISTS', KEYS[4]) == 1 then
            redis.call('HSET', KEYS[4], 'status', 'failed')
          end
        end
        redis.call('HSET', KEYS[3], 'lastOutcomeAtMs', ARGV[9])
        return 1
        """;
}
