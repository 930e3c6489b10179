using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>One scenario: virtual users (arrivals that picked it) and the requests their flows sent.</summary>
public sealed record ScenarioReport(
    string Name,
    int Weight,
    long VusersCreated,
    long VusersCompleted,
    long VusersFailed,
    TrafficStats Stats);
