namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// A confidence interval for an effect computed from several runs, each contributing one time series. Temporary: the
/// statistics of the "is the difference real" work (src/Perf.Statistics) replace this interface and its implementation
/// once they land.
/// </summary>
public interface IEffectIntervalEstimator
{
    /// <param name="seriesPerRun">One series per run (e.g. the per-second p99 of its sustained phase).</param>
    /// <param name="runStatistic">Reduces one run's series to a number (e.g. the mean).</param>
    /// <param name="effect">Combines the runs' numbers, in run order, into the effect.</param>
    /// <param name="confidence">e.g. 0.95.</param>
    EffectInterval Estimate(IReadOnlyList<double[]> seriesPerRun, Func<IReadOnlyList<double>, double> runStatistic,
        Func<IReadOnlyList<double>, double> effect, double confidence);
}
