namespace SystemUnderTest;

/// <summary>All log messages of the SUT, source-generated so that disabled levels cost nothing on hot paths.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Worker {Consumer} started with concurrency {Concurrency} and batch size {BatchSize}")]
    public static partial void WorkerStarted(this ILogger logger, string consumer, int concurrency, int batchSize);

    [LoggerMessage(2, LogLevel.Information, "Worker {Consumer} stopped")]
    public static partial void WorkerStopped(this ILogger logger, string consumer);

    [LoggerMessage(3, LogLevel.Warning, "Could not create consumer group on {Stream}; will retry")]
    public static partial void GroupCreateFailed(this ILogger logger, string stream, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Reading the job streams failed; backing off")]
    public static partial void ReadFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Reclaiming pending entries failed")]
    public static partial void ReclaimFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Job {JobId} failed on delivery {Delivery}")]
    public static partial void JobAttemptFailed(this ILogger logger, string jobId, long delivery);

    [LoggerMessage(7, LogLevel.Information, "Job {JobId} from {Stream} dead-lettered after {Deliveries} deliveries")]
    public static partial void JobDeadLettered(this ILogger logger, string jobId, string stream, long deliveries);

    [LoggerMessage(8, LogLevel.Warning, "Processing entry {EntryId} of {Stream} failed unexpectedly; it stays pending")]
    public static partial void JobProcessingError(this ILogger logger, string entryId, string stream, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Shutdown drain did not finish within {TimeoutMs} ms; cancelling in-flight jobs")]
    public static partial void DrainTimedOut(this ILogger logger, int timeoutMs);

    [LoggerMessage(10, LogLevel.Warning, "Sampling queue lag for backpressure failed")]
    public static partial void BackpressureSampleFailed(this ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Redis unavailable while serving {Path}")]
    public static partial void RedisUnavailable(this ILogger logger, string path, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Malformed stream entry {EntryId} in {Stream}; dead-lettering it")]
    public static partial void MalformedEntry(this ILogger logger, string entryId, string stream);

    [LoggerMessage(13, LogLevel.Warning, "Health probe {Probe} failed")]
    public static partial void HealthProbeFailed(this ILogger logger, string probe, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Consumer group missing ({Reason}); recreating the job streams' groups")]
    public static partial void GroupMissing(this ILogger logger, string reason);

    [LoggerMessage(15, LogLevel.Warning, "Redis is out of memory (noeviction) while serving {Path}")]
    public static partial void RedisOutOfMemory(this ILogger logger, string path);

    [LoggerMessage(16, LogLevel.Warning, "Entry {EntryId} of {Stream} was no longer pending for this consumer when its outcome was written")]
    public static partial void DeliveryNoLongerPending(this ILogger logger, string entryId, string stream);

    [LoggerMessage(17, LogLevel.Warning, "Refreshing the idle time of in-flight entries failed")]
    public static partial void HeartbeatFailed(this ILogger logger, Exception exception);

    [LoggerMessage(30, LogLevel.Warning, "Sampling the job streams for the queue gauges failed")]
    public static partial void QueueSampleFailed(this ILogger logger, Exception exception);
}
