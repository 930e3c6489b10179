using System.Diagnostics;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>
/// One released arrival. The scheduler starts it inline, so its flow runs on the scheduler thread up to the first
/// await (the request is on the wire by then) and on the thread pool after that: a thread-pool hop per arrival
/// cost more CPU than the send itself at 1,000/s. Its actual start against its intended time is the lateness the
/// phase reports.
/// </summary>
internal sealed class ArrivalWorkItem(RunContext context, CompiledScenario scenario, PhaseRecorder phase, long intendedTimestamp)
{
    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            phase.RecordStart(intendedTimestamp, Stopwatch.GetTimestamp());
            context.ArrivalStarted();
            scenario.VirtualUserCreated();
            var outcome = await VirtualUser.RunFlowAsync(context, scenario, intendedTimestamp, phase.Traffic).ConfigureAwait(false);
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
