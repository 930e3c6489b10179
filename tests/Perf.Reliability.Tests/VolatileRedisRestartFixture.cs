using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Perf.Reliability.Tests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

namespace Perf.Reliability.Tests;

/// <summary>
/// Runs the Redis-outage scenario once on the optimized Redis (no RDB, no AOF: a restart wipes every key) with one slow
/// worker, so queued jobs exist when Redis goes down. Each test of the class judges one property of the same run.
/// </summary>
public sealed class VolatileRedisRestartFixture(IMessageSink sink) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _lines = new();
    private OutageRun? _run;
    private ExceptionDispatchInfo? _failure;

    internal OutageRun Run
    {
        get
        {
            _failure?.Throw();
            return _run ?? throw new InvalidOperationException("The volatile Redis restart scenario did not run.");
        }
    }

    public void FlushLogTo(ITestOutputHelper output)
    {
        while (_lines.TryDequeue(out var line))
        {
            output.WriteLine(line);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var settings = ReliabilitySettings.Optimized("fault-redis-volatile") with
        {
            WorkerCount = 1,
            SimulatedDownstreamMs = 500,
            WorkerReclaimIdleMs = 2000,
            DrainTimeout = TimeSpan.FromSeconds(8),
        };
        try
        {
            _run = await OutageScenario.RunAsync(settings, Log);
        }
        catch (Exception ex)
        {
            Log($"the scenario failed: {ex}");
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    private void Log(string message)
    {
        var line = $"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}";
        _lines.Enqueue(line);
        sink.OnMessage(new DiagnosticMessage(line));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
