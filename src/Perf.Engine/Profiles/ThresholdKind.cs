namespace Perf.Engine.Profiles;

public enum ThresholdKind
{
    /// <summary>A response-time aggregation in milliseconds.</summary>
    ResponseTime,

    /// <summary>Percentage of failed requests (see docs/load-engine.md for what counts as failed).</summary>
    MaxErrorRate,

    /// <summary>Arrivals dropped at the in-flight cap: Artillery's counter <c>vusers.skipped</c>.</summary>
    DroppedArrivals,
}
