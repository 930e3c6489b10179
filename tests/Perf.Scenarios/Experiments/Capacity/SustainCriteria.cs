using System.Globalization;

namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// What "sustains a rate" means: the HTTP SLOs (the shipped profiles' p99 and error-rate thresholds), a bound on job
/// end-to-end p99, the generator within its schedule, and a job backlog that does not grow over the step.
/// </summary>
public sealed record SustainCriteria
{
    public double MaxHttpP99Ms { get; init; } = 500;

    public double MaxErrorRatePercent { get; init; } = 1;

    public double MaxJobP99Ms { get; init; } = 1000;

    /// <summary>The generator must start at least this share of the step's target arrivals per second.</summary>
    public double MinAchievedRatio { get; init; } = 0.95;

    /// <summary>Arrivals started more than the engine's late threshold after their intended time, as a share of all.</summary>
    public double MaxLateSharePercent { get; init; } = 5;

    /// <summary>
    /// The backlog (lag + pending) may grow by this share of the step's job arrivals before it counts as growing: half the
    /// 5 % resolution, so a rate 5 % above what the workers process fails.
    /// </summary>
    public double BacklogGrowthShare { get; init; } = 0.025;

    /// <summary>Growth never counts below this many jobs: a worker reads up to 32 entries at once, so the backlog jitters by that much.</summary>
    public long MinBacklogAllowance { get; init; } = 64;

    public double BacklogAllowance(double jobArrivalsInStep) => Math.Max(MinBacklogAllowance, jobArrivalsInStep * BacklogGrowthShare);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"HTTP p99 < {MaxHttpP99Ms:0} ms, error rate ≤ {MaxErrorRatePercent:0.##} %, job end-to-end p99 < {MaxJobP99Ms:0} ms, " +
        $"generator ≥ {MinAchievedRatio:P0} of the target rate with ≤ {MaxLateSharePercent:0.#} % late arrivals, " +
        $"backlog growth ≤ max({MinBacklogAllowance}, {BacklogGrowthShare:P1} of the step's jobs)");
}
