namespace Perf.Engine.Running;

internal enum FlowOutcome
{
    Succeeded,

    /// <summary>A step failed in a way that ends the virtual user (see <see cref="VirtualUser"/>).</summary>
    Failed,

    /// <summary>The run was cancelled mid-request; nothing about the request was recorded.</summary>
    Cancelled,
}
