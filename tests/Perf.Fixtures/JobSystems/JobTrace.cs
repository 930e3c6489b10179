namespace Perf.Fixtures.JobSystems;

/// <summary>One job as its system keeps it: its state ("completed", "failed", "queued", "missing", …) and how often it was started, when known.</summary>
public readonly record struct JobTrace(string State, int? Starts);
