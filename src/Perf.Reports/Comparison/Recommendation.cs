namespace Perf.Reports.Comparison;

/// <summary>One recommendation: the rule that fired, the measured evidence it cites, and what to do about it.</summary>
public sealed record Recommendation(string Rule, string Title, string Evidence, string Advice);
