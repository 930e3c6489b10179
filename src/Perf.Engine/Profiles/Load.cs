namespace Perf.Engine.Profiles;

/// <summary>
/// Phase factories for <see cref="ProfileBuilder.WithLoad"/>: the open model (constant or ramping arrival rate, a fixed
/// arrival count, a pause) and the closed model (constant or ramping concurrency). A null name becomes "phase N".
/// </summary>
public static class Load
{
    /// <summary>Open model, constant rate (NBomber's <c>Inject</c>, Artillery's <c>arrivalRate</c>).</summary>
    public static Phase ConstantRate(double perSecond, TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, perSecond);

    /// <summary>Open model, rate changing linearly from <paramref name="from"/> to <paramref name="to"/> (Artillery's <c>rampTo</c>).</summary>
    public static Phase RampRate(double from, double to, TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, from, to);

    /// <summary>Open model, exactly <paramref name="count"/> arrivals spread evenly (Artillery's <c>arrivalCount</c>).</summary>
    public static Phase ArrivalCount(long count, TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, during > TimeSpan.Zero ? count / during.TotalSeconds : 0)
        {
            Kind = PhaseKind.ArrivalCount,
            ArrivalCount = count,
        };

    /// <summary>No new arrivals for <paramref name="during"/> (Artillery's <c>pause</c>, NBomber's <c>Pause</c>).</summary>
    public static Phase Pause(TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, 0) { Kind = PhaseKind.Pause };

    /// <summary>Closed model, <paramref name="users"/> busy virtual users (NBomber's <c>KeepConstant</c>).</summary>
    public static Phase ConstantConcurrency(int users, TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, 0) { Kind = PhaseKind.Concurrency, Concurrency = users };

    /// <summary>Closed model, busy users changing linearly from <paramref name="from"/> to <paramref name="to"/> (NBomber's <c>RampingConstant</c>).</summary>
    public static Phase RampConcurrency(int from, int to, TimeSpan during, string? name = null) =>
        new(name ?? string.Empty, during, 0) { Kind = PhaseKind.Concurrency, Concurrency = from, RampToConcurrency = to };
}
