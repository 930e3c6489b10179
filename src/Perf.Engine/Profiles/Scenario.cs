namespace Perf.Engine.Profiles;

/// <summary>A weighted scenario: each arrival picks one with probability weight / sum of weights.</summary>
public sealed record Scenario(string Name, int Weight, IReadOnlyList<RequestStep> Flow);
