using Perf.Engine.Profiles;
using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>One scenario under one load model: virtual users (or closed-model iterations) that picked it and the requests their flows sent.</summary>
public sealed record ScenarioReport(
    string Name,
    int Weight,
    long VusersCreated,
    long VusersCompleted,
    long VusersFailed,
    TrafficStats Stats)
{
    public LoadModel Model { get; init; } = LoadModel.Open;
}
