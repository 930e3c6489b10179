namespace Perf.Engine.Telemetry;

/// <summary>
/// One combination of a run's finished steps (scenario, request, status code, error kind): its attributes, built once,
/// and how many such steps finished while someone counted them.
/// </summary>
internal sealed class StepSeries(KeyValuePair<string, object?>[] tags, bool customStep, bool failed)
{
    private long _finished;

    public KeyValuePair<string, object?>[] Tags { get; } = tags;

    /// <summary>The attributes as text, so equal combinations of several runs add up (<see cref="TaggedCount"/>).</summary>
    public string Identity { get; } = TaggedCount.IdentityOf(tags);

    /// <summary>A custom C# step (its duration goes to <c>perf.engine.step.duration</c>), not an HTTP request.</summary>
    public bool CustomStep { get; } = customStep;

    /// <summary>The steps failed: they count as errors too.</summary>
    public bool Failed { get; } = failed;

    public long Finished => Volatile.Read(ref _finished);

    public void Count() => Interlocked.Increment(ref _finished);
}
