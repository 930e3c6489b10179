namespace Perf.Reports.Comparison;

/// <summary>
/// What an A/A comparison (the same configuration against itself) measured on this machine: per metric, the largest
/// departure from "no change" its 95 % interval reached (as a share on the ratio scale, in the metric's unit on the
/// difference scale), or the estimate's own departure when there was no interval. Differences up to this size were
/// seen between two runs of one configuration, so later comparisons call nothing smaller a difference.
/// Written as comparison-results/noise-floor-&lt;profile&gt;.json.
/// </summary>
public sealed record NoiseFloor(string Configuration, string ProfileName, DateTimeOffset MeasuredAt, string SessionId, int Runs,
    IReadOnlyDictionary<string, double> ByMetric)
{
    public static NoiseFloor From(string configuration, string profile, string sessionId, DateTimeOffset at, IReadOnlyList<MetricComparison> aa) =>
        new(configuration, profile, at, sessionId, Math.Min(aa.Select(m => m.RunsA).DefaultIfEmpty(0).Min(), aa.Select(m => m.RunsB).DefaultIfEmpty(0).Min()),
            aa.Where(m => m.Estimate is not null).ToDictionary(m => m.Name, Departure));

    private static double Departure(MetricComparison m)
    {
        var values = new[] { m.CiLow, m.CiHigh, m.Estimate }.Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();
        return m.Scale == EffectScale.Ratio
            ? values.Where(v => v > 0).Select(v => Math.Max(v, 1 / v) - 1).DefaultIfEmpty(0).Max()
            : values.Select(Math.Abs).DefaultIfEmpty(0).Max();
    }
}
