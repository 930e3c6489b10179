namespace Perf.Engine.Stats;

/// <summary>One second of the run; <see cref="Second"/> is the offset of the interval's end from the run start.</summary>
public sealed record TimeSeriesPoint(
    double Second,
    long Arrivals,
    long Requests,
    double Rps,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    long Errors,
    long InFlight);
