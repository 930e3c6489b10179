using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>
/// What the closed-model phases measured, kept apart from the open model: these latencies are service times
/// (each iteration waits for the last), so no latency threshold reads them.
/// </summary>
public sealed record ClosedModelReport(TrafficStats Totals, IReadOnlyList<ScenarioReport> Scenarios, IReadOnlyList<RequestReport> Requests);
