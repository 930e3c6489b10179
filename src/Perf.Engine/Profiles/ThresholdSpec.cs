namespace Perf.Engine.Profiles;

/// <summary>
/// One ensure check. Latency checks pass while the measured value is below <see cref="Allowed"/>
/// (Artillery's <c>metric &lt; value</c>); <see cref="ThresholdKind.MaxErrorRate"/> passes while the error
/// percentage is at most <see cref="Allowed"/> (Artillery's <c>&lt;=</c>). The factories write the same
/// expression a YAML profile would.
/// </summary>
/// <param name="Expression">The check as written, e.g. <c>http.response_time.p95</c> or <c>maxErrorRate</c>.</param>
/// <param name="Kind">Latency or error-rate check.</param>
/// <param name="Allowed">The limit: milliseconds for latency, percent for the error rate.</param>
/// <param name="Aggregation">For latency checks: which aggregation of the latency distribution.</param>
/// <param name="ScopeKind">What the check covers: the run, one scenario or named requests.</param>
/// <param name="Scope">Null for the whole run, else the scenario name or request name it applies to.</param>
public sealed record ThresholdSpec(
    string Expression,
    ThresholdKind Kind,
    double Allowed,
    Aggregation? Aggregation = null,
    ThresholdScope ScopeKind = ThresholdScope.Run,
    string? Scope = null)
{
    internal const string RunPrefix = "http.response_time.";
    internal const string ScenarioPrefix = "scenarios.";
    internal const string ScenarioInfix = ".response_time.";
    internal const string EndpointPrefix = "plugins.metrics-by-endpoint.response_time.";
    internal const string MaxErrorRateName = "maxErrorRate";
    internal const string DroppedArrivalsName = "vusers.skipped";

    /// <summary>Latency of the whole run: <c>http.response_time.AGG</c>.</summary>
    public static ThresholdSpec ResponseTime(Aggregation aggregation, double maxMilliseconds) =>
        new(RunPrefix + AggregationNames.Name(aggregation), ThresholdKind.ResponseTime, maxMilliseconds, aggregation);

    /// <summary>Latency of one scenario: <c>scenarios.NAME.response_time.AGG</c> (an engine extension).</summary>
    public static ThresholdSpec ScenarioResponseTime(string scenario, Aggregation aggregation, double maxMilliseconds) =>
        new($"{ScenarioPrefix}{scenario}{ScenarioInfix}{AggregationNames.Name(aggregation)}", ThresholdKind.ResponseTime, maxMilliseconds, aggregation,
            ThresholdScope.Scenario, scenario);

    /// <summary>Latency of the requests or custom steps named <paramref name="name"/>: <c>plugins.metrics-by-endpoint.response_time.NAME.AGG</c>.</summary>
    public static ThresholdSpec RequestResponseTime(string name, Aggregation aggregation, double maxMilliseconds) =>
        new($"{EndpointPrefix}{name}.{AggregationNames.Name(aggregation)}", ThresholdKind.ResponseTime, maxMilliseconds, aggregation,
            ThresholdScope.Request, name);

    /// <summary>Failed requests in percent of all requests: <c>maxErrorRate</c>.</summary>
    public static ThresholdSpec MaxErrorRate(double percent) => new(MaxErrorRateName, ThresholdKind.MaxErrorRate, percent);

    /// <summary>
    /// Arrivals dropped at the in-flight cap stay below <paramref name="below"/>: Artillery's counter <c>vusers.skipped</c>
    /// (1 allows none), judged like its other ensure thresholds, <c>metric &lt; value</c>.
    /// </summary>
    public static ThresholdSpec DroppedArrivals(double below) => new(DroppedArrivalsName, ThresholdKind.DroppedArrivals, below);

    /// <summary>Null for the whole run, else the name of the phase whose requests the check covers (<c>ensure.phases.NAME</c>).</summary>
    public string? Phase { get; init; }

    /// <summary>The same check judged on the requests of one phase only (<c>ensure.phases.NAME</c>).</summary>
    public ThresholdSpec InPhase(string phase) => this with { Phase = phase };
}
