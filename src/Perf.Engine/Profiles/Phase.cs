namespace Perf.Engine.Profiles;

/// <summary>
/// One arrival phase: <see cref="ArrivalRate"/> new virtual users per second for <see cref="Duration"/>,
/// changing linearly to <see cref="RampTo"/> when it is set.
/// </summary>
public sealed record Phase(string Name, TimeSpan Duration, double ArrivalRate, double? RampTo = null)
{
    public double EndRate => RampTo ?? ArrivalRate;

    /// <summary>Arrivals the phase schedules: the integral of the (linear) rate over the duration, rounded up.</summary>
    public long ExpectedArrivals => Scheduling.PhaseSchedule.ArrivalCount(this);
}
