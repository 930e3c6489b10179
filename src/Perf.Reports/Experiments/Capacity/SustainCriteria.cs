using System.Globalization;

namespace Perf.Reports.Experiments.Capacity;

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

    /// <summary>
    /// Growth never counts below this many jobs. The backlog is lag + pending, so a worker reading a batch moves entries
    /// from one to the other without changing it; what remains is the jitter of arrivals against busy slots.
    /// </summary>
    public long MinBacklogAllowance { get; init; } = 8;

    /// <summary>Allowed growth: the larger of the floor, twice the processing slots (each may hold a job) and the growth share.</summary>
    public double BacklogAllowance(double jobArrivalsInStep, int slots) =>
        Math.Max(Math.Max(MinBacklogAllowance, 2.0 * slots), jobArrivalsInStep * BacklogGrowthShare);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"HTTP p99 < {MaxHttpP99Ms:0} ms, error rate ≤ {MaxErrorRatePercent:0.##} %, job end-to-end p99 < {MaxJobP99Ms:0} ms, " +
        $"generator ≥ {MinAchievedRatio:P0} of the target rate with ≤ {MaxLateSharePercent:0.#} % late arrivals, " +
        $"backlog growth ≤ max({MinBacklogAllowance}, 2 × worker slots, {BacklogGrowthShare:P1} of the step's jobs)");
}
