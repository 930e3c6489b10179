namespace Perf.Engine.Stats;

/// <summary>
/// Requests of one scope (run, scenario or request key). <see cref="ErrorRatePercent"/> is failed requests
/// over all requests, where failed covers every <see cref="Running.ErrorKind"/> (4xx and 5xx included).
/// </summary>
public sealed record TrafficStats(
    long Requests,
    double Rps,
    LatencyStats Latency,
    IReadOnlyDictionary<int, long> StatusCodes,
    IReadOnlyDictionary<string, long> Errors,
    long ErrorCount,
    double ErrorRatePercent)
{
    public long Status(int code) => StatusCodes.TryGetValue(code, out var count) ? count : 0;
}
