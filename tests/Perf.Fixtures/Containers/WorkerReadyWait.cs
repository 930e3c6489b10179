using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Perf.Fixtures.JobSystems;
using StackExchange.Redis;

namespace Perf.Fixtures.Containers;

/// <summary>A worker container is ready when its job system says the worker is connected and listening (see <see cref="IJobSystem.IsWorkerReadyAsync"/>).</summary>
public sealed class WorkerReadyWait(IJobSystem jobSystem, string workerName) : IWaitUntil
{
    public string Describe() => jobSystem.DescribeReadiness(workerName);

    public async Task<bool> UntilAsync(IContainer container)
    {
        try
        {
            return await jobSystem.IsWorkerReadyAsync(workerName).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis busy or the queues not there yet: not ready.
            return false;
        }
    }
}
