using System.Diagnostics;
using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>
/// One released arrival. The scheduler starts it inline, so its flow runs on the scheduler thread up to the first
/// await (the request is on the wire by then) and on the thread pool after that: a thread-pool hop per arrival
/// cost more CPU than the send itself at 1,000/s. Its actual start against its intended time is the lateness the
/// phase reports.
/// </summary>
internal sealed class ArrivalWorkItem(RunContext context, CompiledScenario scenario, int phaseIndex, long intendedTimestamp)
{
    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            context.Recorder.ArrivalStarted(phaseIndex, intendedTimestamp, Stopwatch.GetTimestamp());
            await VirtualUser.RunAsync(context, scenario, intendedTimestamp, LoadModel.Open, phaseIndex).ConfigureAwait(false);
        }
        finally
        {
            context.OpenUserFinished();
            context.ArrivalFinished();
        }
    }
}
