namespace Perf.Engine.Profiles;

/// <summary>
/// One load phase. Open-model phases (<see cref="PhaseKind.ArrivalRate"/>, <see cref="PhaseKind.ArrivalCount"/>,
/// <see cref="PhaseKind.Pause"/>) start <see cref="ArrivalRate"/> new virtual users per second for
/// <see cref="Duration"/>, changing linearly to <see cref="RampTo"/> when it is set; a closed-model phase
/// (<see cref="PhaseKind.Concurrency"/>) keeps <see cref="Concurrency"/> users busy back to back, changing linearly
/// to <see cref="RampToConcurrency"/>. Build phases with <see cref="Load"/>.
/// </summary>
public sealed record Phase(string Name, TimeSpan Duration, double ArrivalRate, double? RampTo = null)
{
    public PhaseKind Kind { get; init; } = PhaseKind.ArrivalRate;

    /// <summary>For <see cref="PhaseKind.ArrivalCount"/>: the exact number of arrivals, spread evenly over the duration.</summary>
    public long? ArrivalCount { get; init; }

    /// <summary>For <see cref="PhaseKind.Concurrency"/>: the virtual users at the phase start.</summary>
    public int Concurrency { get; init; }

    /// <summary>For <see cref="PhaseKind.Concurrency"/>: the virtual users at the phase end (null: constant).</summary>
    public int? RampToConcurrency { get; init; }

    /// <summary>
    /// Open model only: at most this many virtual users in flight while the phase releases arrivals; an arrival that
    /// finds the cap reached is dropped and counted (Artillery's <c>maxVusers</c> and <c>vusers.skipped</c>). Null: no
    /// cap of its own (<c>RunOptions.MaxInFlight</c> may still set one).
    /// </summary>
    public int? MaxVusers { get; init; }

    public LoadModel Model => Kind == PhaseKind.Concurrency ? LoadModel.Closed : LoadModel.Open;

    public double EndRate => RampTo ?? ArrivalRate;

    public int EndConcurrency => RampToConcurrency ?? Concurrency;
}
