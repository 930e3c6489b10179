namespace Perf.Engine.Running;

/// <summary>
/// One stats key of the plan: "METHOD url-template" for requests (merged across scenarios), "STEP name" for custom
/// steps. <see cref="Name"/> is what per-request thresholds match.
/// </summary>
internal sealed record StepKey(int Index, string Key, string Method, string Url, string? Name);
