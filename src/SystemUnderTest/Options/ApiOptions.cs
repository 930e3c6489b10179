using System.ComponentModel.DataAnnotations;

namespace SystemUnderTest.Options;

/// <summary>Section <c>Api</c>: request limits, backpressure and caching of the HTTP role.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public bool BackpressureEnabled { get; set; }

    [Range(1L, 1_000_000_000L, ErrorMessage = "Api__BackpressureMaxLag must be between 1 and 1000000000.")]
    public long BackpressureMaxLag { get; set; } = 5000;

    [Range(64, 16_777_216, ErrorMessage = "Api__MaxBodyBytes must be between 64 and 16777216.")]
    public int MaxBodyBytes { get; set; } = 65_536;

    [Range(10, 600_000, ErrorMessage = "Api__RequestTimeoutMs must be between 10 and 600000.")]
    public int RequestTimeoutMs { get; set; } = 10_000;

    /// <summary>TTL of the cached analytics summary; 0 turns the cache off.</summary>
    [Range(0, 86_400, ErrorMessage = "Api__AnalyticsCacheSeconds must be between 0 and 86400.")]
    public int AnalyticsCacheSeconds { get; set; } = 5;

    /// <summary>
    /// Admission control on Redis memory: new jobs are refused (503) once used_memory reaches this share of maxmemory,
    /// so that eviction (allkeys-lru) or refused writes (noeviction) never reach accepted jobs. 0 turns it off; no
    /// effect when Redis has no maxmemory.
    /// </summary>
    [Range(0, 100, ErrorMessage = "Api__MemoryAdmissionPercent must be between 0 (off) and 100.")]
    public int MemoryAdmissionPercent { get; set; } = 90;

    /// <summary>
    /// How long after its creation an Idempotency-Key keeps answering with its job at least; it also lives as long as
    /// its job's record (Worker__JobKeyRetentionSeconds after the outcome). Every keyed job holds its record this long,
    /// so the default matches the job retention rather than Stripe's 24 h (docs/system-under-test.md, "Retention").
    /// </summary>
    [Range(1, 604_800, ErrorMessage = "Api__IdempotencyTtlSeconds must be between 1 and 604800.")]
    public int IdempotencyTtlSeconds { get; set; } = 1800;
}
