using System.Diagnostics.CodeAnalysis;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Perf.Model;
using Perf.Model.Metrics;

namespace Perf.Reports.Comparison;

/// <summary>
/// One side of the comparison: its report, whether it comes from this test process, and the figures the report
/// derives from its 1-second resource samples. "During load" means samples up to the end of the load schedule;
/// the drain that follows is left out of CPU averages but kept for peaks of queue lag and Redis.
/// </summary>
public sealed class ComparisonSide
{
    private readonly string? _label;
    private readonly string? _source;

    /// <summary>
    /// A label, when given, names this side instead of its configuration or A/A half ("base", "head"); a source, when
    /// given, is how the header names where the run comes from (by default "this run" or "stored (earlier run)").
    /// </summary>
    public ComparisonSide(ConfigurationRunReport report, string sessionId, string? label = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Load = report.Load;
        _label = label;
        _source = source;
        IsThisRun = report.SessionId == sessionId;
        var duration = report.Load.DurationSeconds;
        var window = report.Resources.Where(p => p.ElapsedSeconds <= duration + 0.5).ToList();
        LoadWindow = window.Count > 0 ? window : report.Resources;
    }

    /// <summary>
    /// A side with the load engine's report only (<c>perf run</c>, or Artillery's results imported): it measured the
    /// requests, not the system, so every host, container, Redis and job figure of this side is "not measured".
    /// </summary>
    public ComparisonSide(RunReport load, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(load);
        Load = load;
        _label = name;
        _source = source;
        LoadWindow = [];
    }

    /// <summary>The configuration run's report; null when the input had the load engine's report only.</summary>
    public ConfigurationRunReport? Report { get; }

    /// <summary>Whether this side measured the system (host, containers, Redis, jobs), not only the requests.</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    public bool MeasuredSystem => Report is not null;

    public string Name => _label ?? Report?.Side ?? Report?.Configuration ?? Load.ProfileName;

    public bool IsThisRun { get; }

    /// <summary>Where the header says this side comes from.</summary>
    public string Source => _source ?? (IsThisRun ? "this run" : "stored (earlier run)");

    public string ProfileName => Report?.ProfileName ?? Load.ProfileName;

    /// <summary>Every check that failed: the configuration run's breaches, or the engine report's failed thresholds.</summary>
    public IReadOnlyList<string> Breaches => Report?.Breaches ?? Load.Thresholds?.Breaches.Select(b => b.ToString()).ToList() ?? [];

    /// <summary>The 1-second resource samples; none when the side measured only the requests.</summary>
    public IReadOnlyList<ResourceSample> Resources => Report?.Resources ?? [];

    /// <summary>"this run" or "stored report of &lt;start&gt;", as the report labels each side.</summary>
    public string Origin => Report is null
        ? $"{Source} (load started {NumberText.Time(Load.StartedAt)})"
        : IsThisRun
            ? $"this run (started {NumberText.Time(Report.StartedAt)})"
            : $"stored report of an earlier run (started {NumberText.Time(Report.StartedAt)}, session {Report.SessionId})";

    public IReadOnlyList<ResourceSample> LoadWindow { get; }

    public RunReport Load { get; }

    public double? HostCpuAverage => Average(LoadWindow.Select(p => p.HostCpuPercent));

    public double? HostCpuPeak => Max(LoadWindow.Select(p => p.HostCpuPercent));

    public double? RoleCpuAverage(string role) => Average(LoadWindow.Select(p => Value(p.CpuPercentByRole, role)));

    public double? RoleCpuPeak(string role) => Max(LoadWindow.Select(p => Value(p.CpuPercentByRole, role)));

    public double? RoleMemoryPeakMb(string role) => Max(Resources.Select(p => Value(p.MemoryMbByRole, role)));

    public long? RedisClientsPeak => Max(Resources.Select(p => p.RedisClients));

    public double? RedisUsedMemoryPeakMb => Max(Resources.Select(p => p.RedisUsedMemoryMb))
        ?? (Report?.After.Redis is { } redis ? redis.UsedMemoryPeakBytes / 1024.0 / 1024.0 : null);

    public long? RedisOpsPeak => Max(Resources.Select(p => p.RedisOpsPerSec));

    public long? QueueLagPeak => Max(Resources.Select(p => p.QueueLag));

    /// <summary>Keys Redis evicted during the run: INFO after minus before, else the sampled counter's growth.</summary>
    public long? EvictedKeys => Delta(Report?.Before.Redis?.EvictedKeys, Report?.After.Redis?.EvictedKeys)
        ?? Delta(Resources.FirstOrDefault(p => p.EvictedKeys is not null)?.EvictedKeys, Resources.LastOrDefault(p => p.EvictedKeys is not null)?.EvictedKeys);

    /// <summary>
    /// Redis used_memory after the run minus before, per 1,000 accepted jobs, in KB: what each job leaves behind once
    /// the queue drained (with job-key retention it shrinks as keys expire, so a run longer than the retention shows less).
    /// </summary>
    public double? RedisMemoryGrowthKbPer1000Jobs =>
        Delta(Report?.Before.Redis?.UsedMemoryBytes, Report?.After.Redis?.UsedMemoryBytes) is { } growth && Report?.Jobs.Accepted is > 0 and var accepted
            ? growth / 1024.0 / accepted * 1000
            : null;

    public long? RejectedConnections => Delta(Report?.Before.Redis?.RejectedConnections, Report?.After.Redis?.RejectedConnections);

    /// <summary>The SUT's backpressure counter over the run; the after value alone when the before snapshot had no counters.</summary>
    public long? BackpressureRejected => Delta(Report?.Before.Jobs?.BackpressureRejected, Report?.After.Jobs?.BackpressureRejected)
        ?? Report?.After.Jobs?.BackpressureRejected;

    /// <summary>Jobs processed per second over the load window (from the sampled counter), or null without two samples.</summary>
    public double? JobThroughput => Rate(LoadWindow, p => p.Processed);

    /// <summary>
    /// CPU time of one role per request answered, in µs: the role's mean CPU over the load window (share of a core)
    /// over the requests per second of the run. A cost per unit of work, comparable between systems at the same load.
    /// </summary>
    public double? CpuMicrosecondsPerRequest(string role) => PerUnit(RoleCpuAverage(role), Load.Totals.Rps);

    /// <summary>CPU time of one role per job processed, in µs: the role's mean CPU over the load window over the job throughput.</summary>
    public double? CpuMicrosecondsPerJob(string role) => PerUnit(RoleCpuAverage(role), JobThroughput);

    private static double? PerUnit(double? cpuPercentOfCore, double? unitsPerSecond) =>
        cpuPercentOfCore is { } cpu && unitsPerSecond is > 0 and var rate ? cpu / 100 * 1_000_000 / rate : null;

    /// <summary>Jobs accepted per second over the given samples.</summary>
    public static double? Rate(IReadOnlyList<ResourceSample> points, Func<ResourceSample, long?> counter)
    {
        var known = points.Where(p => counter(p) is not null).ToList();
        if (known.Count < 2)
        {
            return null;
        }

        var seconds = known[^1].ElapsedSeconds - known[0].ElapsedSeconds;
        return seconds > 0 ? (counter(known[^1])!.Value - counter(known[0])!.Value) / seconds : null;
    }

    /// <summary>The phase with the highest target rate: where capacity is tested (named "sustained" in the profiles).</summary>
    public PhaseReport? PeakPhase => Load.Phases.Count == 0 ? null : Load.Phases.MaxBy(p => p.TargetRate);

    /// <summary>
    /// The phase the headline is about: the constant-rate phase with the highest target rate ("sustained" in the
    /// shipped profiles), else the highest-rate phase when no phase is constant.
    /// </summary>
    public PhaseReport? SustainedPhase => Load.Phases.Where(p => p.TargetStartRate == p.TargetEndRate).MaxBy(p => p.TargetRate) ?? PeakPhase;

    /// <summary>The engine's 1-second points whose interval lies inside the phase, and that saw requests.</summary>
    public IReadOnlyList<TimeSeriesPoint> EngineSecondsDuring(PhaseReport phase) => Load.TimeSeries
        .Where(p => p.Second > phase.StartOffsetSeconds + 0.5 && p.Second <= phase.StartOffsetSeconds + phase.DurationSeconds + 0.5 && p.Requests > 0)
        .ToList();

    public IReadOnlyList<ResourceSample> During(PhaseReport phase) => Resources
        .Where(p => p.ElapsedSeconds >= phase.StartOffsetSeconds && p.ElapsedSeconds <= phase.StartOffsetSeconds + phase.DurationSeconds + 0.5)
        .ToList();

    private static double? Value(IReadOnlyDictionary<string, double> byRole, string role) =>
        byRole.TryGetValue(role, out var value) ? value : null;

    private static double? Average(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : known.Average();
    }

    private static T? Max<T>(IEnumerable<T?> values) where T : struct, IComparable<T>
    {
        T? max = null;
        foreach (var value in values)
        {
            if (value is { } v && (max is null || v.CompareTo(max.Value) > 0))
            {
                max = v;
            }
        }

        return max;
    }

    private static long? Delta(long? before, long? after) => before is { } b && after is { } a ? a - b : null;

    /// <summary>The roles the sampler names containers by (ContainerRole in lower case).</summary>
    public static IReadOnlyList<string> Roles { get; } = ["api", "worker", "redis", "mongo"];

    internal static RedisEffectiveConfig? Redis(ConfigurationRunReport? report) => report is null ? null : report.RedisConfig ?? report.After.RedisConfig ?? report.Before.RedisConfig;
}
