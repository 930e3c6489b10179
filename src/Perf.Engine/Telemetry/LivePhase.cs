using Perf.Engine.Profiles;

namespace Perf.Engine.Telemetry;

/// <summary>
/// The running phase at one instant: the schedule's arrival rate now (open model) or the users it keeps busy now
/// (closed model, <see cref="Users"/> set).
/// </summary>
internal readonly record struct LivePhase(int Index, string Name, LoadModel Model, double TargetRate, int? Users);
