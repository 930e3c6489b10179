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
    private readonly ConcurrentQueue<string> _lines = new();
    private PerfEnvironment? _environment;
    private ExceptionDispatchInfo? _startFailure;

    public PerfEnvironment Environment
    {
        get
        {
            _startFailure?.Throw();
            return _environment ?? throw new InvalidOperationException("The security environment was not started.");
        }
    }

    public IReadOnlyCollection<string> LogLines => _lines;

    public async ValueTask InitializeAsync()
    {
        try
        {
            _environment = await PerfEnvironment.StartAsync(ReliabilitySettings.Baseline("security"), _lines.Enqueue, TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            _startFailure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }
    }
}
