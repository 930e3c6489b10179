using Perf.Engine;
using Perf.Engine.Reporting;
using Perf.Model.Metrics;

namespace Perf.Dashboard;

/// <summary>
/// One run on the dashboard: what the engine's sampler (<see cref="LoadRunner.Sample"/>) and the fixtures' resource
/// sampler observe each second, and the report at the end. Every call publishes one or two small messages; nothing is
/// computed per request.
/// </summary>
public sealed class DashboardRun
{
    private readonly DashboardFeed _feed;
    private double _lastSecond;

    internal DashboardRun(DashboardFeed feed, int index)
    {
        _feed = feed;
        Index = index;
    }

    /// <summary>The run's number on its feed, from 0.</summary>
    public int Index { get; }

    /// <summary>One second of load; pass it as <see cref="LoadRunner.Sample"/>.</summary>
    public void Observe(LiveSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var p = sample.Point;
        _lastSecond = p.Second;
        _feed.Publish(new LoadSecond("load", Index, p.Second, sample.PhaseIndex, sample.TargetRate, sample.AchievedRate, p.Rps, p.P50Ms, p.P95Ms,
            p.P99Ms, p.Requests, p.Errors, p.InFlight, sample.LateArrivals, sample.DroppedArrivals, sample.StatusCodes, sample.ErrorKinds));
        if (sample.Thresholds is { } thresholds)
        {
            PublishThresholds(p.Second, final: false, thresholds);
        }
    }

    /// <summary>One second of the system, as the fixtures' resource sampler took it.</summary>
    public void Observe(ResourceSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _feed.Publish(new SystemSecond("system", Index, sample.ElapsedSeconds, sample.HostCpuPercent, sample.HostMemoryPercent,
            sample.CpuPercentByRole, sample.MemoryMbByRole, sample.RedisUsedMemoryMb, sample.RedisClients, sample.RedisOpsPerSec,
            sample.EvictedKeys, sample.QueueLength, sample.QueuePending, sample.QueueLag, sample.Accepted, sample.Processed,
            sample.JobLatencyP95Ms, sample.JobLatencyP99Ms, sample.Error));
    }

    /// <summary>The run's end: the report's threshold verdict and totals.</summary>
    public void Finish(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Thresholds is { } thresholds)
        {
            PublishThresholds(Math.Max(_lastSecond, report.DurationSeconds), final: true, thresholds);
        }

        _feed.Publish(new RunEnded("end", Index, report.DurationSeconds, report.Totals.Requests, report.Totals.Latency.P95,
            report.Totals.Latency.P99, report.Totals.ErrorRatePercent, report.Cancelled));
    }

    private void PublishThresholds(double second, bool final, ThresholdResult thresholds) =>
        _feed.Publish(new ThresholdState("thresholds", Index, second, final,
            [.. thresholds.Checks.Select(c => new CheckState(c.Expression, c.Scope, c.Measured, c.Allowed, c.Unit, c.Passed))]));
}
