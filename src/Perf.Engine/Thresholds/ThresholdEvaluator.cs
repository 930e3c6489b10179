using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;

namespace Perf.Engine.Thresholds;

/// <summary>
/// Evaluates a profile's ensure checks against a report, the way Artillery's ensure plugin compares them. Only the
/// open model's measurements count: closed-model latencies are service times (<see cref="RunReport.ClosedModel"/>).
/// </summary>
public static class ThresholdEvaluator
{
    public static ThresholdResult Evaluate(LoadProfile profile, RunReport report) => Evaluate(profile.Thresholds, report);

    public static ThresholdResult Evaluate(IEnumerable<ThresholdSpec> thresholds, RunReport report)
    {
        var checks = new List<ThresholdCheck>();
        foreach (var spec in thresholds)
        {
            if (spec.Kind == ThresholdKind.DroppedArrivals)
            {
                checks.Add(DroppedCheck(spec, report));
                continue;
            }

            var (scope, stats) = Resolve(spec, report);
            var check = spec.Kind == ThresholdKind.MaxErrorRate
                ? new ThresholdCheck(spec.Expression, scope, stats.ErrorRatePercent, spec.Allowed, "%", stats.ErrorRatePercent <= spec.Allowed)
                : LatencyCheck(spec, scope, stats);
            checks.Add(check);
        }

        var breaches = checks.Where(c => !c.Passed)
            .Select(c => new ThresholdBreach(c.Expression, c.Scope, c.Measured, c.Allowed, c.Unit))
            .ToList();
        return new ThresholdResult(checks, breaches);
    }

    /// <summary>Arrivals of the open-model phases (or of the one phase) dropped at the in-flight cap, against Artillery's <c>&lt;</c>.</summary>
    private static ThresholdCheck DroppedCheck(ThresholdSpec spec, RunReport report)
    {
        var phases = spec.Phase is { } name ? new List<PhaseReport> { report.GetPhase(name) } : report.Phases.Where(p => p.Model == LoadModel.Open).ToList();
        var dropped = phases.Sum(p => p.DroppedArrivals);
        var scope = spec.Phase is { } phase ? $"phase '{phase}'" : "run";
        return new ThresholdCheck(spec.Expression, scope, dropped, spec.Allowed, "arrivals", dropped < spec.Allowed);
    }

    private static ThresholdCheck LatencyCheck(ThresholdSpec spec, string scope, TrafficStats stats)
    {
        var aggregation = spec.Aggregation ?? throw new ArgumentException($"{spec.Expression} has no aggregation", nameof(spec));
        var measured = stats.Latency.Value(aggregation);

        // Artillery's ensure threshold is "metric < limit"; a scope without requests has nothing to breach.
        var passed = stats.Requests == 0 || measured < spec.Allowed;
        return new ThresholdCheck(spec.Expression, scope, measured, spec.Allowed, "ms", passed);
    }

    private static (string Scope, TrafficStats Stats) Resolve(ThresholdSpec spec, RunReport report) => spec.Phase is { } phase
        ? ($"phase '{phase}'", report.Phases.FirstOrDefault(p => p.Name == phase)?.Traffic
            ?? throw new ArgumentException($"the report has no statistics for phase '{phase}'", nameof(spec)))
        : spec.ScopeKind switch
    {
        ThresholdScope.Run => ("run", report.Totals),
        ThresholdScope.Scenario => ($"scenario '{spec.Scope}'",
            report.GetScenario(spec.Scope!).Stats),
        ThresholdScope.Request => ($"request '{spec.Scope}'", Merge(report.Requests.Where(r => r.Name == spec.Scope).ToList(), spec)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private static TrafficStats Merge(List<RequestReport> requests, ThresholdSpec spec) => requests.Count switch
    {
        1 => requests[0].Stats,
        0 => throw new ArgumentException($"the report has no request named '{spec.Scope}'", nameof(spec)),

        // Named requests map to one key each in the shipped profiles; several would need their histograms, which the report no longer has.
        _ => throw new ArgumentException($"request name '{spec.Scope}' is used by {requests.Count} request keys; give each a distinct name", nameof(spec)),
    };
}
