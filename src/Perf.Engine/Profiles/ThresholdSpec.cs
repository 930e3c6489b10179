namespace Perf.Engine.Profiles;

/// <summary>
/// One ensure check. Latency checks pass while the measured value is below <see cref="Allowed"/>
/// (Artillery's <c>metric &lt; value</c>); <see cref="ThresholdKind.MaxErrorRate"/> passes while the error
/// percentage is at most <see cref="Allowed"/> (Artillery's <c>&lt;=</c>).
/// </summary>
/// <param name="Expression">The check as written, e.g. <c>http.response_time.p95</c> or <c>maxErrorRate</c>.</param>
/// <param name="Kind">Latency or error-rate check.</param>
/// <param name="Allowed">The limit: milliseconds for latency, percent for the error rate.</param>
/// <param name="Aggregation">For latency checks: min, max, mean, median, p50, p75, p90, p95, p99 or p999.</param>
/// <param name="ScopeKind">What the check covers: the run, one scenario or named requests.</param>
/// <param name="Scope">Null for the whole run, else the scenario name or request name it applies to.</param>
public sealed record ThresholdSpec(
    string Expression,
    ThresholdKind Kind,
    double Allowed,
    string? Aggregation = null,
    ThresholdScope ScopeKind = ThresholdScope.Run,
    string? Scope = null)
{
    /// <summary>Null for the whole run, else the name of the phase whose requests the check covers (<c>ensure.phases.NAME</c>).</summary>
    public string? Phase { get; init; }
}
