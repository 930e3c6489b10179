namespace Perf.Engine.Profiles;

/// <summary>Artillery's <c>loop</c> with <c>count</c>: <see cref="Steps"/> run <see cref="Count"/> times in a row.</summary>
public sealed record LoopStep(int Count, IReadOnlyList<FlowStep> Steps) : FlowStep;
