using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>503 answers or backpressure rejections: refusals with Retry-After, to be told apart from failures.</summary>
internal sealed class BackpressureRule : SystemRule
{
    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        var status503 = side.Load.Totals.Status(503);
        var rejected = side.BackpressureRejected ?? 0;
        if (status503 == 0 && rejected == 0)
        {
            return null;
        }

        var errors = side.Load.Totals.ErrorCount;
        return new("backpressure", $"{side.Name}: 503 answers explain {(errors == 0 ? 0 : 100.0 * status503 / errors):0.#} % of the errors",
            $"{NumberText.F(status503)} responses were 503 out of {NumberText.F(errors)} errors ({NumberText.F(side.Load.Totals.ErrorRatePercent, "0.00")} % error rate); " +
            $"the SUT counted {NumberText.F(rejected)} backpressure rejections" +
            (report.Settings.BackpressureEnabled ? $" (max lag {NumberText.F(report.Settings.BackpressureMaxLag)})" : " although backpressure was off (Redis unavailable answers are 503 too)"),
            "these are refusals with Retry-After, not failures: clients should retry after the delay; if they are too frequent, add workers " +
            "or raise the lag limit rather than disable the protection");
    }
}
