namespace Perf.Engine.Telemetry;

/// <summary>
/// What a running profile shows at one instant, read by the observed instruments (and by the progress line, which
/// is built from the same values), off the hot path.
/// </summary>
internal interface ILiveRun
{
    long InFlight { get; }

    /// <summary>Arrivals per second over the last whole second, as in the run's 1-second series.</summary>
    double AchievedRate { get; }

    LivePhase Phase { get; }

    /// <summary>Arrivals started so far in the phase at <paramref name="phaseIndex"/>, as its recorder counts them.</summary>
    long StartedArrivals(int phaseIndex);

    /// <summary>Arrivals of the phase at <paramref name="phaseIndex"/> that started late, as its recorder counts them.</summary>
    long LateArrivals(int phaseIndex);
}
