namespace Perf.Engine.Profiles;

/// <summary>Artillery's <c>think</c>: the virtual user pauses; the next step's intended start is the end of the pause.</summary>
public sealed record ThinkStep(TimeSpan Duration) : FlowStep;
