namespace Perf.Engine.Profiles;

public enum PhaseKind
{
    /// <summary>Artillery's <c>arrivalRate</c> (optionally <c>rampTo</c>): a constant or linearly ramping arrival rate.</summary>
    ArrivalRate,

    /// <summary>Artillery's <c>arrivalCount</c>: a fixed number of arrivals spread evenly over the duration.</summary>
    ArrivalCount,

    /// <summary>Artillery's <c>pause</c>: no new arrivals for the duration (users still in flight finish).</summary>
    Pause,

    /// <summary>Closed model: a number of virtual users that each start the next flow as soon as the last one ends.</summary>
    Concurrency,
}
