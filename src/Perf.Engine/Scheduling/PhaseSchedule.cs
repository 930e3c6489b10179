using Perf.Engine.Profiles;

namespace Perf.Engine.Scheduling;

/// <summary>
/// Arrival times of a phase. The rate changes linearly from arrivalRate to rampTo, so the cumulative count is
/// N(t) = r0·t + (r1 − r0)·t² / (2D); the n-th arrival (n = 0, 1, ...) is at the t where N(t) = n.
/// A phase therefore schedules ceil(N(D)) arrivals, the first one at its start; an arrivalCount phase is a constant
/// rate of count / D, so its n-th arrival is at n·D / count.
/// </summary>
public static class PhaseSchedule
{
    /// <summary>Floating-point slack so that 10/s for 30 s gives 300 arrivals, not 301.</summary>
    private const double Epsilon = 1e-9;

    public static double CumulativeArrivals(Phase phase, double seconds)
    {
        var duration = phase.Duration.TotalSeconds;
        var t = Math.Clamp(seconds, 0, duration);
        return (phase.ArrivalRate * t) + ((phase.EndRate - phase.ArrivalRate) * t * t / (2 * duration));
    }

    /// <summary>Arrivals the phase schedules: the integral of the rate, rounded up; exact for arrivalCount; none for pauses and closed phases.</summary>
    public static long ArrivalCount(Phase phase) => phase.Kind switch
    {
        PhaseKind.ArrivalCount => phase.ArrivalCount ?? 0,
        PhaseKind.Pause or PhaseKind.Concurrency => 0,
        _ => (long)Math.Ceiling(CumulativeArrivals(phase, phase.Duration.TotalSeconds) - Epsilon),
    };

    /// <summary>Seconds from the phase start to arrival <paramref name="n"/> (0-based, below <see cref="ArrivalCount"/>).</summary>
    public static double ArrivalOffsetSeconds(Phase phase, long n)
    {
        if (n <= 0)
        {
            return 0;
        }

        var r0 = phase.ArrivalRate;
        var a = (phase.EndRate - r0) / (2 * phase.Duration.TotalSeconds);

        // Solves a·t² + r0·t − n = 0 in the form that stays exact when a is 0 or r0 is 0.
        var root = Math.Sqrt(Math.Max(0, (r0 * r0) + (4 * a * n)));
        return 2 * n / (r0 + root);
    }

    /// <summary>The intended rate (arrivals/s) at <paramref name="seconds"/> into the phase.</summary>
    public static double RateAt(Phase phase, double seconds)
    {
        var fraction = Math.Clamp(seconds / phase.Duration.TotalSeconds, 0, 1);
        return phase.ArrivalRate + ((phase.EndRate - phase.ArrivalRate) * fraction);
    }

    /// <summary>The users a closed-model phase keeps busy at <paramref name="seconds"/> into it (linear from its start to its end concurrency).</summary>
    public static int ConcurrencyAt(Phase phase, double seconds)
    {
        var fraction = Math.Clamp(seconds / phase.Duration.TotalSeconds, 0, 1);
        return (int)Math.Round(phase.Concurrency + ((phase.EndConcurrency - phase.Concurrency) * fraction));
    }

    public static double MeanRate(Phase phase) => (phase.ArrivalRate + phase.EndRate) / 2;
}
