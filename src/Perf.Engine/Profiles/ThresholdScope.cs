namespace Perf.Engine.Profiles;

public enum ThresholdScope
{
    Run,

    /// <summary>One scenario, by name (<c>scenarios.NAME.response_time.p95</c>, an engine extension).</summary>
    Scenario,

    /// <summary>Requests with a given <c>name:</c> (Artillery's <c>plugins.metrics-by-endpoint.response_time.NAME.p95</c>).</summary>
    Request,
}
