namespace Perf.Model.Metrics;

/// <summary>One job stream: entries in it, delivered-but-unacknowledged (pending), not yet delivered (lag), dead letters.</summary>
public sealed record QueueState(string Stream, long Length, long Pending, long Lag, long DeadLetters);
