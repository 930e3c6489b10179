using Perf.Engine.Profiles;
using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>
/// One stats key: method plus URL template as written in the profile, e.g. "GET /payments/{{ paymentId }}", or
/// "STEP name" for a custom step (method "STEP", url and name the step's name).
/// </summary>
public sealed record RequestReport(string Key, string Method, string Url, string? Name, TrafficStats Stats)
{
    public LoadModel Model { get; init; } = LoadModel.Open;
}
