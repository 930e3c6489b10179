namespace Perf.Reports.Comparison.Rules;

/// <summary>Side B finished jobs materially sooner or later end to end (job p95) than side A.</summary>
internal sealed class JobLatencyChangeRule : IPairRule
{
    /// <summary>A job p95 more than this share below or above the reference's is a change.</summary>
    public const double ChangeShare = 0.10;

    public Recommendation? Evaluate(ComparisonSide a, ComparisonSide b)
    {
        if (a.Report?.Jobs.EndToEndLatencyMs is not { P95: > 0 } aj || b.Report?.Jobs.EndToEndLatencyMs is not { } bj)
        {
            return null;
        }

        var change = RelativeChange.Describe(aj.P95, bj.P95, MetricDirection.LowerIsBetter);
        var evidence = $"job p95 {NumberText.Ms(bj.P95)} vs {NumberText.Ms(aj.P95)} ({change}), p99 {NumberText.Ms(bj.P99)} vs {NumberText.Ms(aj.P99)}";
        if (bj.P95 < aj.P95 * (1 - ChangeShare))
        {
            return new("job-latency-improved", $"{b.Name} finished jobs sooner end to end", evidence,
                $"keep the {b.Report.Settings.WorkerCount}-worker setting: jobs wait less in the queue");
        }

        return bj.P95 > aj.P95 * (1 + ChangeShare)
            ? new("job-latency-regressed", $"{b.Name} finished jobs later end to end", evidence, "look at queue lag and worker CPU: more workers did not shorten the wait")
            : null;
    }
}
