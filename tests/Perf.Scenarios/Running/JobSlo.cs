using MathNet.Numerics;
using Perf.Engine.Reporting;
using Perf.Fixtures.Settings;
using Perf.Model;
using Perf.Model.Accounting;
using Perf.Model.Metrics;

namespace Perf.Scenarios.Running;

/// <summary>
/// The job path's SLOs, checked by every perf test next to the profile's HTTP thresholds: end-to-end job latency
/// p95 and p99 (enqueue → stored, the SUT's histogram), the drain time after the load, and the growth of the queue
/// lag during the sustained phase (least-squares slope of the 1-second samples, jobs per second), which says the
/// workers fell behind before the latency shows it. Limits: the section JobSlo of <see cref="PerfSettings"/>.
/// </summary>
public sealed record JobSlo(double P95Ms, double P99Ms, double MaxDrainSeconds, double MaxQueueLagGrowthPerSecond)
{
    public static JobSlo Default { get; } = From(PerfSettings.Defaults.JobSlo);

    public static JobSlo From(JobSloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.P95Ms, settings.P99Ms, settings.MaxDrainSeconds, settings.MaxQueueLagGrowth);
    }

    public IReadOnlyList<JobSloCheck> Evaluate(RunReport load, JobAccounting jobs, IReadOnlyList<ResourceSample> resources)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(jobs);
        var latency = jobs.EndToEndLatencyMs;
        var growth = QueueLagGrowth(load, resources);
        return
        [
            Check("job end-to-end p95", latency?.P95, P95Ms, "ms"),
            Check("job end-to-end p99", latency?.P99, P99Ms, "ms"),
            new JobSloCheck("drain time", jobs.DrainSeconds, MaxDrainSeconds, "s", jobs.Drained && jobs.DrainSeconds <= MaxDrainSeconds),
            Check("queue lag growth (sustained phase)", growth, MaxQueueLagGrowthPerSecond, "jobs/s"),
        ];
    }

    /// <summary>Slope of queue lag over the sustained phase's samples in jobs per second; null with fewer than 3 samples.</summary>
    public static double? QueueLagGrowth(RunReport load, IReadOnlyList<ResourceSample> resources)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(resources);
        var phase = load.Phases.Where(p => p.TargetStartRate == p.TargetEndRate).MaxBy(p => p.TargetRate) ?? load.Phases.MaxBy(p => p.TargetRate);
        if (phase is null)
        {
            return null;
        }

        var samples = resources
            .Where(p => p.QueueLag is not null && p.ElapsedSeconds >= phase.StartOffsetSeconds && p.ElapsedSeconds <= phase.StartOffsetSeconds + phase.DurationSeconds + 0.5)
            .ToList();
        if (samples.Count < 3)
        {
            return null;
        }

        var (_, slope) = Fit.Line([.. samples.Select(p => p.ElapsedSeconds)], [.. samples.Select(p => (double)p.QueueLag!.Value)]);
        return Math.Round(slope, 2);
    }

    /// <summary>A check without a measurement fails: an SLO nobody measured is not met.</summary>
    private static JobSloCheck Check(string name, double? measured, double allowed, string unit) =>
        new(name, measured, allowed, unit, measured is { } m && m <= allowed);
}
