namespace Perf.Fixtures.Settings;

/// <summary>Where a BullMQ system keeps its queues (read when <c>System:Kind</c> is bullmq; docs/job-systems.md).</summary>
public sealed class BullmqSettings
{
    /// <summary>BullMQ's key prefix (BullMQ's own default is bull).</summary>
    [EnvironmentVariable("PERF_BULLMQ_PREFIX", Accepts = "a Redis key prefix")]
    public string Prefix { get; set; } = "bull";

    /// <summary>The BullMQ queues the system's jobs go through.</summary>
    [EnvironmentVariable("PERF_BULLMQ_QUEUES")]
    public IReadOnlyList<string> Queues { get; set; } = ["payments", "notifications"];
}
