using System.Text.Json.Serialization;
using Perf.Engine.Reporting;
using Perf.Model.Accounting;
using Perf.Model.Metrics;
using Perf.Model.Settings;

namespace Perf.Model;

/// <summary>
/// One configuration's run, everything the comparison needs: the environment as it really ran, the engine's
/// report, the job accounts, metrics before/after and the 1-second series. Written as
/// comparison-results/report-&lt;config&gt;-&lt;profile&gt;.json.
/// </summary>
public sealed record ConfigurationRunReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Configuration { get; init; }

    public required string ProfileName { get; init; }

    /// <summary>The side this run stands for in a comparison: the configuration, or "&lt;config&gt;-aa-a"/"-aa-b" in an A/A run.</summary>
    public string? Side { get; init; }

    /// <summary>The repeat number (1, 2, …) under PERF_REPEATS; null for a single run.</summary>
    public int? Repeat { get; init; }

    /// <summary>The name of this run's artifacts: the side, plus "-r&lt;n&gt;" for a repeat.</summary>
    [JsonIgnore]
    public string ArtifactLabel => (Side ?? Configuration) + (Repeat is { } n ? $"-r{n}" : "");

    /// <summary>Identifies the test process that produced the report, so the comparison can tell "this run" from "stored".</summary>
    public required string SessionId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required MachineInfo Machine { get; init; }

    public required EnvironmentSettings Settings { get; init; }

    public required double ReadyAfterSeconds { get; init; }

    public required IReadOnlyList<string> Unavailable { get; init; }

    public RedisEffectiveConfig? RedisConfig { get; init; }

    public required RunReport Load { get; init; }

    public required JobAccounting Jobs { get; init; }

    /// <summary>The id-by-id audit of the accepted jobs after the drain; null when it could not run (see <see cref="AuditProblems"/>).</summary>
    public JobAudit? Audit { get; init; }

    /// <summary>Why the audit did not run or covered only part of the jobs; each is a breach.</summary>
    public IReadOnlyList<string> AuditProblems { get; init; } = [];

    public required MetricsSnapshot Before { get; init; }

    public required MetricsSnapshot After { get; init; }

    public required IReadOnlyList<ResourceSample> Resources { get; init; }

    public required double SamplerOverheadPercentOfCore { get; init; }

    /// <summary>The job path's SLO checks (job latency, drain time, queue-lag growth), passed or not.</summary>
    public IReadOnlyList<JobSloCheck> JobChecks { get; init; } = [];

    /// <summary>Whether a failed job-path SLO fails this run (PERF_JOB_SLO_ENFORCE), or is reported only.</summary>
    public bool JobSloEnforced { get; init; } = true;

    /// <summary>Every check the test made that failed, with measured and allowed values; empty when it passed.</summary>
    public required IReadOnlyList<string> Breaches { get; init; }
}
