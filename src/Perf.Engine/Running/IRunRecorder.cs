namespace Perf.Engine.Running;

/// <summary>
/// Where the hot path puts what it measured. The runner only knows this seam; the statistics behind it (histograms,
/// counters, the per-second series) live in <c>Perf.Engine.Stats</c>, which depends on the runner and not the reverse.
/// </summary>
internal interface IRunRecorder
{
    /// <summary>A virtual user (open model) or an iteration (closed model) began; lateness is actual − intended.</summary>
    void ArrivalStarted(int phaseIndex, long intendedTimestamp, long actualTimestamp);

    /// <summary>An arrival of an open-model phase found the in-flight cap reached and was dropped (never started).</summary>
    void ArrivalDropped(int phaseIndex);

    /// <summary>
    /// A request or custom step finished. <paramref name="status"/> is 0 without a response; latency runs from the
    /// step's intended start. <paramref name="origin"/> names the load model and the phase the arrival was scheduled in.
    /// </summary>
    void StepFinished(StepOrigin origin, int scenarioIndex, int keyIndex, long latencyMicros, int status, ErrorKind? error);
}
