using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>Where a step's measurement belongs: the load model it ran under and the phase its arrival was scheduled in.</summary>
internal readonly record struct StepOrigin(LoadModel Model, int PhaseIndex);
