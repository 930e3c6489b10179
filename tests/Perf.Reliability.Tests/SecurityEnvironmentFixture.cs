using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Perf.Fixtures;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>
/// A baseline environment whose every fixture log line is kept, so the security tests can prove the Redis password
/// never reaches a log. A failed start is rethrown by each test that asks for the environment.
/// </summary>
public sealed class SecurityEnvironmentFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> lines = new();
    private PerfEnvironment? environment;
    private ExceptionDispatchInfo? startFailure;

    public PerfEnvironment Environment
    {
        get
        {
            startFailure?.Throw();
            return environment ?? throw new InvalidOperationException("The security environment was not started.");
        }
    }

    public IReadOnlyCollection<string> LogLines => lines;

    public async Task InitializeAsync()
    {
        try
        {
            environment = await PerfEnvironment.StartAsync(ReliabilitySettings.Baseline("security"), lines.Enqueue, CancellationToken.None);
        }
        catch (Exception ex)
        {
            startFailure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (environment is not null)
        {
            await environment.DisposeAsync();
        }
    }
}
