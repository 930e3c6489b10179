namespace Perf.Reports.Experiments.Attribution;

/// <summary>
/// The four knobs that separate the baseline from the optimized configuration. A knob's low level is the baseline
/// preset's value and its high level the optimized preset's, read from the presets so that a change there moves the
/// experiments with it.
/// </summary>
public enum Knob
{
    Workers,
    RedisConf,
    Pooling,
    Backpressure,
}
