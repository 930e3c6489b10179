namespace Perf.Reports.Comparison.Rules;

/// <summary>The load generator achieved less than its schedule asked for in some phase, so those latencies understate the load.</summary>
internal sealed class GeneratorBehindRule : ISideRule
{
    /// <summary>A phase achieving less than this share of its target arrival rate fell behind.</summary>
    public const double MinRateRatio = 0.95;

    public Recommendation? Evaluate(ComparisonSide side)
    {
        var behind = side.Load.Phases.Where(p => p.TargetRate > 0 && p.AchievedRate < p.TargetRate * MinRateRatio).ToList();
        if (behind.Count == 0)
        {
            return null;
        }

        var phases = string.Join("; ", behind.Select(p =>
            $"'{p.Name}' achieved {NumberText.F(p.AchievedRate)} of {NumberText.F(p.TargetRate)} arrivals/s ({NumberText.F(p.LateArrivals)} late, lateness p99 {NumberText.Ms(p.LatenessP99Ms)})"));
        return new("generator-behind", $"{side.Name}: the load generator fell behind its schedule",
            phases, "latencies of these phases understate the load asked for: give the generator its own cores or machine, or lower the rate");
    }
}
