namespace Perf.Engine.Profiles;

/// <summary>One step of a scenario flow: <see cref="RequestStep"/>, <see cref="ThinkStep"/>, <see cref="LoopStep"/> or <see cref="CustomStep"/>.</summary>
public abstract record FlowStep;
