namespace Perf.Engine.Running;

/// <summary>A step ready to run: an HTTP request (<see cref="CompiledStep"/>), a think pause or a custom step.</summary>
internal abstract class CompiledFlowStep
{
    /// <summary>Whether the step reads or writes the virtual user's variables.</summary>
    public abstract bool UsesVariables { get; }
}
