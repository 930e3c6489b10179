using System.Diagnostics;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>
/// One released arrival queued to the thread pool. Its actual start (when a pool thread picks it up) against its
/// intended time is the lateness the phase reports.
/// </summary>
internal sealed class ArrivalWorkItem(RunContext context, CompiledScenario scenario, PhaseRecorder phase, long intendedTimestamp)
    : IThreadPoolWorkItem
{
    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            phase.RecordStart(intendedTimestamp, Stopwatch.GetTimestamp());
            context.ArrivalStarted();
            scenario.VirtualUserCreated();
            var outcome = await VirtualUser.RunFlowAsync(context, scenario, intendedTimestamp).ConfigureAwait(false);
            if (outcome == FlowOutcome.Succeeded)
            {
                scenario.VirtualUserCompleted();
            }
            else if (outcome == FlowOutcome.Failed)
            {
                scenario.VirtualUserFailed();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a flow must not take the process down from a fire-and-forget task; it counts as a failed user.
            scenario.VirtualUserFailed();
        }
        finally
        {
            context.ArrivalFinished();
        }
    }
}
