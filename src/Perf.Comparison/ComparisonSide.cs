using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Perf.Model;
using Perf.Model.Metrics;

namespace Perf.Comparison;

/// <summary>
/// One side of the comparison: its report, whether it comes from this test process, and the figures the report
/// derives from its 1-second resource samples. "During load" means samples up to the end of the load schedule;
/// the drain that follows is left out of CPU averages but kept for peaks of queue lag and Redis.
/// </summary>
public sealed class ComparisonSide
{
    private readonly string? _label;

    /// <summary>A label, when given, names this side instead of its configuration or A/A half ("base", "head").</summary>
    public ComparisonSide(ConfigurationRunReport report, string sessionId, string? label = null)
    {
        Report = report;
        _label = label;
        IsThisRun = report.SessionId == sessionId;
        var duration = report.Load.DurationSeconds;
        var window = report.Resources.Where(p => p.ElapsedSeconds <= duration + 0.5).ToList();
        LoadWindow = window.Count > 0 ? window : report.Resources;
    }

    public ConfigurationRunReport Report { get; }

    public string Name => _label ?? Report.Side ?? Report.Configuration;

    public bool IsThisRun { get; }

    /// <summary>"this run" or "stored report of &lt;start&gt;", as the report labels each side.</summary>
    public string Origin => IsThisRun
        ? $"this run (started {NumberText.Time(Report.StartedAt)})"
        : $"stored report of an earlier run (started {NumberText.Time(Report.StartedAt)}, session {Report.SessionId})";

    public IReadOnlyList<ResourceSample> LoadWindow { get; }

    public RunReport Load => Report.Load;

    public double? HostCpuAverage => Average(LoadWindow.Select(p => p.HostCpuPercent));

    public double? HostCpuPeak => Max(LoadWindow.Select(p => p.HostCpuPercent));

    public double? RoleCpuAverage(string role) => Average(LoadWindow.Select(p => Value(p.CpuPercentByRole, role)));

    public double? RoleCpuPeak(string role) => Max(LoadWindow.Select(p => Value(p.CpuPercentByRole, role)));

    public double? RoleMemoryPeakMb(string role) => Max(Report.Resources.Select(p => Value(p.MemoryMbByRole, role)));

    public long? RedisClientsPeak => Max(Report.Resources.Select(p => p.RedisClients));

    public double? RedisUsedMemoryPeakMb => Max(Report.Resources.Select(p => p.RedisUsedMemoryMb))
        ?? (Report.After.Redis is { } redis ? redis.UsedMemoryPeakBytes / 1024.0 / 1024.0 : null);

    public long? RedisOpsPeak => Max(Report.Resources.Select(p => p.RedisOpsPerSec));

    public long? QueueLagPeak => Max(Report.Resources.Select(p => p.QueueLag));

    /// <summary>Keys Redis evicted during the run: INFO after minus before, else the sampled counter's growth.</summary>
    public long? EvictedKeys => Delta(Report.Before.Redis?.EvictedKeys, Report.After.Redis?.EvictedKeys)
        ?? Delta(Report.Resources.FirstOrDefault(p => p.EvictedKeys is not null)?.EvictedKeys, Report.Resources.LastOrDefault(p => p.EvictedKeys is not null)?.EvictedKeys);

    public long? RejectedConnections => Delta(Report.Before.Redis?.RejectedConnections, Report.After.Redis?.RejectedConnections);

    /// <summary>The SUT's backpressure counter over the run; the after value alone when the before snapshot had no counters.</summary>
    public long? BackpressureRejected => Delta(Report.Before.Jobs?.BackpressureRejected, Report.After.Jobs?.BackpressureRejected)
        ?? Report.After.Jobs?.BackpressureRejected;

    /// <summary>Jobs processed per second over the load window (from the sampled counter), or null without two samples.</summary>
    public double? JobThroughput => Rate(LoadWindow, p => p.Processed);

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

    public IReadOnlyList<ResourceSample> During(PhaseReport phase) => Report.Resources
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

    internal static RedisEffectiveConfig? Redis(ConfigurationRunReport report) => report.RedisConfig ?? report.After.RedisConfig ?? report.Before.RedisConfig;
}
