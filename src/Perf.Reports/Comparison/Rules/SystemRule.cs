using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>A rule over the system's measurements; a side with the load engine's report only gives it no evidence.</summary>
internal abstract class SystemRule : ISideRule
{
    public Recommendation? Evaluate(ComparisonSide side) => side.Report is { } report ? Evaluate(side, report) : null;

    protected abstract Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report);
}
