namespace Perf.Reports.Experiments.Soak;

/// <summary>
/// What the soak measured, times from the start of the measured phase. Growth before the retention is the first
/// retention window of the load, ramp included (nothing has expired yet: what every job costs when nothing is removed);
/// the slope and the plateau are fitted from <see cref="SoakPlan.FitFrom"/> to the end of the load.
/// </summary>
public sealed record SoakResult(
    SoakPlan Plan,
    double AchievedRate,
    long JobsProcessed,
    double JobsPerSecond,
    double GrowthBeforeRetentionMbPerMin,
    double GrowthBeforeRetentionKbPer1000Jobs,
    LinearTrend PlateauTrendBytesPerSecond,
    double PlateauSlopeMbPerMin,
    double PlateauSlopeLowMbPerMin,
    double PlateauSlopeHighMbPerMin,
    double PlateauKbPer1000Jobs,
    double PlateauMedianMb,
    double PlateauMinMb,
    double PlateauMaxMb,
    long EvictedKeys,
    IReadOnlyList<SoakSample> Samples)
{
    private const double Mb = 1024.0 * 1024.0;

    public static SoakResult From(SoakPlan plan, double achievedRate, IReadOnlyList<SoakSample> samples)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(samples);
        var first = samples.First(s => s.Seconds >= 0);
        var last = samples[^1];
        var loadStart = -SoakPlan.Ramp.TotalSeconds;
        var growth = samples.Where(s => s.Seconds <= loadStart + plan.RetentionSeconds).ToList();
        var window = samples.Where(s => s.Seconds >= plan.FitFrom.TotalSeconds).ToList();
        var before = LinearTrend.Fit(growth.Select(s => s.Seconds).ToList(), growth.Select(s => (double)s.UsedMemoryBytes).ToList());
        var plateau = LinearTrend.Fit(window.Select(s => s.Seconds).ToList(), window.Select(s => (double)s.UsedMemoryBytes).ToList());
        var jobsPerSecond = (window[^1].Processed - window[0].Processed) / Math.Max(1e-9, window[^1].Seconds - window[0].Seconds);
        var growthJobs = growth[^1].Processed - growth[0].Processed;
        var levels = window.Select(s => s.UsedMemoryBytes / Mb).Order().ToList();
        return new SoakResult(
            plan,
            Math.Round(achievedRate, 1),
            last.Processed - first.Processed,
            Math.Round(jobsPerSecond, 1),
            Math.Round(before.Slope * 60 / Mb, 3),
            growthJobs > 0 ? Math.Round((growth[^1].UsedMemoryBytes - growth[0].UsedMemoryBytes) / 1024.0 / growthJobs * 1000, 1) : double.NaN,
            plateau,
            Math.Round(plateau.Slope * 60 / Mb, 3),
            Math.Round(plateau.SlopeLow * 60 / Mb, 3),
            Math.Round(plateau.SlopeHigh * 60 / Mb, 3),
            jobsPerSecond > 0 ? Math.Round(plateau.Slope / jobsPerSecond * 1000 / 1024.0, 2) : double.NaN,
            Math.Round(levels[levels.Count / 2], 2),
            Math.Round(levels[0], 2),
            Math.Round(levels[^1], 2),
            last.EvictedKeys - first.EvictedKeys,
            samples);
    }

    public string Headline() =>
        FormattableString.Invariant($"{JobsPerSecond:0} jobs/s for {Plan.Duration.TotalMinutes:0} min, retention {Plan.RetentionSeconds} s: before the retention Redis grew ") +
        FormattableString.Invariant($"{GrowthBeforeRetentionMbPerMin:0.0} MB/min ({GrowthBeforeRetentionKbPer1000Jobs:0} KB per 1,000 jobs); after {Plan.FitFrom.TotalSeconds:0} s ") +
        FormattableString.Invariant($"the slope is {PlateauSlopeMbPerMin:0.000} MB/min (95 % interval {PlateauSlopeLowMbPerMin:0.000} to {PlateauSlopeHighMbPerMin:0.000}; ") +
        FormattableString.Invariant($"{PlateauKbPer1000Jobs:0.00} KB per 1,000 jobs) at a plateau of {PlateauMedianMb:0.0} MB (median; {PlateauMinMb:0.0}–{PlateauMaxMb:0.0}); ") +
        FormattableString.Invariant($"evicted keys {EvictedKeys}");
}
