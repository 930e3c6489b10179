namespace Perf.Engine.Profiles;

/// <summary>
/// How load is generated. Only the open model measures latency under a given load (from each intended start); the
/// closed model's latencies are service times, so the report keeps them apart and latency thresholds ignore them.
/// </summary>
public enum LoadModel
{
    /// <summary>Arrivals follow a schedule whatever the target's latency (arrival rate, arrival count, pause).</summary>
    Open,

    /// <summary>A fixed (or ramping) number of virtual users loop their flows back to back.</summary>
    Closed,
}
