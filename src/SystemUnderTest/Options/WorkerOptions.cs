using System.ComponentModel.DataAnnotations;

namespace SystemUnderTest.Options;

/// <summary>Section <c>Worker</c>: how the queue worker reads, processes, retries and dead-letters jobs.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    [Range(1, 1024, ErrorMessage = "Worker__Concurrency must be between 1 and 1024.")]
    public int Concurrency { get; set; } = 8;

    [Range(0, 60_000, ErrorMessage = "Worker__SimulatedDownstreamMs must be between 0 and 60000.")]
    public int SimulatedDownstreamMs { get; set; } = 20;

    [Range(0.0, 1.0, ErrorMessage = "Worker__FailureRate must be between 0 and 1.")]
    public double FailureRate { get; set; }

    [Range(1, 100, ErrorMessage = "Worker__MaxDeliveries must be between 1 and 100.")]
    public int MaxDeliveries { get; set; } = 3;

    [Range(1, 86_400_000, ErrorMessage = "Worker__ReclaimIdleMs must be between 1 and 86400000.")]
    public int ReclaimIdleMs { get; set; } = 30_000;

    [Range(1, 1000, ErrorMessage = "Worker__BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 32;

    /// <summary>How long one XREADGROUP waits inside Redis when the streams are empty (BLOCK), and the back-off after a failed read.</summary>
    [Range(1, 10_000, ErrorMessage = "Worker__MaxPollDelayMs must be between 1 and 10000.")]
    public int MaxPollDelayMs { get; set; } = 1000;

    /// <summary>
    /// How long a job's keys (<c>job:</c>, <c>outcome:</c>, the Redis store's <c>result:</c>) live after its outcome;
    /// its idempotency record lives at least as long. Bounds Redis memory at about the job rate times this retention
    /// (docs/system-under-test.md, "Retention").
    /// </summary>
    [Range(1, 2_592_000, ErrorMessage = "Worker__JobKeyRetentionSeconds must be between 1 and 2592000.")]
    public int JobKeyRetentionSeconds { get; set; } = 1800;

    /// <summary>Consumer name in the group; empty means host name + process id + a random suffix.</summary>
    [RegularExpression(@"^[\x21-\x7E]{0,128}\z", ErrorMessage = "Worker__ConsumerName must be at most 128 printable characters without spaces.")]
    public string? ConsumerName { get; set; }

    private string? _generatedConsumerName;

    /// <summary>
    /// The configured name, or one made once per options instance. Host name and pid alone are the same for every
    /// container under host networking (each is pid 1 of its own namespace, and the host name is the machine's), and
    /// two workers sharing a consumer name would share their pending entries; the random part tells them apart.
    /// </summary>
    public string EffectiveConsumerName =>
        string.IsNullOrEmpty(ConsumerName) ? _generatedConsumerName ??= GenerateConsumerName() : ConsumerName;

    internal static string GenerateConsumerName()
    {
        var host = new string(Environment.MachineName.Where(c => c is > ' ' and <= '~').Take(64).ToArray());
        return $"{(host.Length == 0 ? "worker" : host)}-{Environment.ProcessId}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    }
}
