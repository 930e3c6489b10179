using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>Queue lag grew until the end of the peak phase while the workers processed fewer jobs than arrived: too few workers.</summary>
internal sealed class GrowingQueueLagRule : SystemRule
{
    /// <summary>Fewer samples than this in the peak phase say nothing about a trend.</summary>
    public const int MinimumSamples = 4;

    /// <summary>The last third's mean lag must exceed the first third's by this factor to count as growth.</summary>
    public const double GrowthFactor = 1.5;

    /// <summary>Workers processing at least this share of the arrival rate keep pace: the lag is jitter.</summary>
    public const double KeepingPaceShare = 0.98;

    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        if (side.PeakPhase is not { } phase)
        {
            return null;
        }

        var samples = side.During(phase).Where(p => p.QueueLag is not null).ToList();
        if (samples.Count < MinimumSamples)
        {
            return null;
        }

        var third = samples.Count / 3;
        var first = samples.Take(third).Average(p => p.QueueLag!.Value);
        var last = samples.Skip(samples.Count - third).Average(p => p.QueueLag!.Value);
        var end = samples[^1].QueueLag!.Value;
        var arrival = ComparisonSide.Rate(samples, p => p.Accepted);
        var processed = ComparisonSide.Rate(samples, p => p.Processed);
        // A backlog smaller than one second of arrivals, or workers keeping pace with arrivals, is jitter, not growth.
        var material = arrival is not > 0 || end >= arrival;
        var fallingBehind = arrival is not > 0 || processed is not > 0 || processed < arrival * KeepingPaceShare;
        if (end <= 0 || last <= first * GrowthFactor || end < samples[0].QueueLag!.Value || !material || !fallingBehind)
        {
            return null;
        }

        var workers = report.Settings.WorkerCount;
        var evidence = $"during '{phase.Name}' queue lag grew from {NumberText.F(samples[0].QueueLag)} to {NumberText.F(end)} jobs " +
                       $"(mean of first third {NumberText.F(first, "0")}, last third {NumberText.F(last, "0")}); jobs arrived at {NumberText.F(arrival)} /s " +
                       $"and {workers} worker(s) processed {NumberText.F(processed)} /s";
        var advice = "the workers are under-provisioned for this arrival rate";
        if (arrival is > 0 and var a && processed is > 0 and var p && workers > 0)
        {
            var perWorker = p / workers;
            var needed = (int)Math.Ceiling(a / perWorker);
            advice = $"{NumberText.F(perWorker)} jobs/s per worker measured, so at least {needed} worker(s) (⌈{NumberText.F(a)} / {NumberText.F(perWorker)}⌉) " +
                     $"are needed to keep up, plus headroom; or raise worker concurrency (now {report.Settings.WorkerConcurrency}) " +
                     $"if the {report.Settings.SimulatedDownstreamMs} ms downstream wait, not CPU, limits each worker";
        }

        return new("queue-lag-growing", $"{side.Name}: queue lag grew until the end of the '{phase.Name}' phase", evidence, advice);
    }
}
