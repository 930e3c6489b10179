namespace SystemUnderTest.Worker;

/// <summary>
/// The two ways a job can end, each one Lua script so that the decision, its counters, the job status, the latency
/// bucket and the XACK happen together or not at all. Both decide through <c>outcome:{id}</c> (SET NX): whichever
/// script sets it first is the job's one outcome, and the other only acknowledges its own delivery. An entry with an
/// outcome is deleted from its stream (XDEL) with its acknowledgement: the streams hold only unfinished jobs, so
/// Redis memory does not grow with every job ever accepted. The script that sets the outcome also starts the job's
/// retention: <c>job:</c>, <c>outcome:</c> and <c>result:</c> expire <c>Worker__JobKeyRetentionSeconds</c> after it,
/// the idempotency record no sooner (<see cref="ExpireIdempotencyRecord"/>).
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
    public const int CompleteKeysPerJob = 5;
    public const int CompleteSharedArgs = 4;
    public const int CompleteArgsPerJob = 7;

    /// <summary>
    /// Completes a batch of jobs. KEYS: counters, aggregates, latency buckets, then per job: stream, job hash,
    /// outcome, result, idempotency record ('' for a keyless job). ARGV: group, '1' when the result lives in Redis,
    /// completedAt, retention ms, then per job: entry id, type, amount, currency, latency bucket (its HdrHistogram
    /// field), latency ms, result JSON (empty when not in Redis).
    /// </summary>
    public const string Complete = ExpireIdempotencyRecord + """
        local group, inRedis, now, retention = ARGV[1], ARGV[2] == '1', ARGV[3], tonumber(ARGV[4])
        local results = {}
        local n = (#KEYS - 3) / 5
        for i = 0, n - 1 do
          local k, a = 4 + i * 5, 5 + i * 7
          local entry, jobType, amount, currency, bucket, latency = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
          local acked = redis.call('XACK', KEYS[k], group, entry)
          redis.call('XDEL', KEYS[k], entry)
          if redis.call('SET', KEYS[k + 2], 'stored', 'NX', 'PX', retention) then
            if inRedis then
              redis.call('SET', KEYS[k + 3], ARGV[a + 6], 'PX', retention)
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
              redis.call('PEXPIRE', KEYS[k + 1], retention)
            end
            expireIdempotencyRecord(KEYS[k + 4], now, retention)
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
    /// stream, counters, job hash, outcome, idempotency record ('' for a keyless job). ARGV: group, entry id, job id,
    /// type, payload, enqueuedAt, deliveries, reason, now, retention ms. XACK decides between two consumers that both hold the entry: only the one it was still pending
    /// for moves it. A malformed entry (no job id) has no outcome key to set and is moved on the XACK alone. The XADD
    /// trims dead letters older than the retention (MINID), so the stream holds what failed within the retention, as
    /// long as the job records it names. The horizon is Redis's own TIME, the clock of the entry ids, not the worker's.
    /// Exact, not <c>~</c>: approximate trimming drops only whole stream nodes (about a hundred entries), so a stream
    /// of rare dead letters would keep its old ones; dead letters are few, and exact trimming costs the entries removed.
    /// </summary>
    public const string DeadLetter = ExpireIdempotencyRecord + """
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
        local retention = tonumber(ARGV[10])
        local time = redis.call('TIME')
        local horizon = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - retention
        redis.call('XADD', KEYS[2], 'MINID', horizon, '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5], 'enqueuedAt', ARGV[6],
          'originalId', ARGV[2], 'deliveries', ARGV[7], 'reason', ARGV[8])
        redis.call('HINCRBY', KEYS[3], 'deadLettered', 1)
        if hasId then
          redis.call('SET', KEYS[5], 'dead-lettered', 'PX', retention)
          if redis.call('EXISTS', KEYS[4]) == 1 then
            redis.call('HSET', KEYS[4], 'status', 'failed')
            redis.call('PEXPIRE', KEYS[4], retention)
          end
          expireIdempotencyRecord(KEYS[6], ARGV[9], retention)
        end
        redis.call('HSET', KEYS[3], 'lastOutcomeAtMs', ARGV[9])
        return 1
        """;

    /// <summary>
    /// The idempotency record of a job that just got its outcome expires at its keepUntil or after the job record's
    /// retention, whichever is later, so a replay inside the retention always finds the first id. Relative times
    /// (PEXPIRE) keep the API's and the worker's clocks out of Redis's. A record without keepUntil (written by an
    /// earlier version, with its own TTL) keeps that TTL.
    /// </summary>
    private const string ExpireIdempotencyRecord = """
        local function expireIdempotencyRecord(record, now, retention)
          if record == '' then
            return
          end
          local keepUntil = redis.call('HGET', record, 'keepUntil')
          if keepUntil then
            redis.call('PEXPIRE', record, math.max(tonumber(keepUntil) - tonumber(now), retention))
          end
        end

        """;
}
