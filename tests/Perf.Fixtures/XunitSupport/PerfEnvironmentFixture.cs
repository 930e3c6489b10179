using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Perf.Fixtures.XunitSupport;

/// <summary>
/// A collection fixture that starts one configuration once for all its tests and always disposes it. A start
/// that fails is kept and rethrown by every test that asks for the environment, with the container log, so
/// the failure is reported where it matters instead of as a bare fixture error.
/// </summary>
public abstract class PerfEnvironmentFixture(string configurationName, IMessageSink sink) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _pendingLog = new();
    private PerfEnvironment? _environment;
    private ExceptionDispatchInfo? _startFailure;

    public string ConfigurationName { get; } = configurationName;

    public PerfEnvironment Environment
    {
        get
        {
            _startFailure?.Throw();
            return _environment ?? throw new InvalidOperationException($"The {ConfigurationName} environment was not started.");
        }
    }

    /// <summary>Settings for this configuration (PerfSettings: defaults, perfsettings.json, PERF_* variables), then the subclass's adjustments.</summary>
    protected virtual EnvironmentSettings Settings() => PerfSettings.Current.Environment(ConfigurationName);

    public async ValueTask InitializeAsync()
    {
        try
        {
            // The test run's token: a cancelled run stops waiting for containers instead of sitting out the start timeout.
            _environment = await PerfEnvironment.StartAsync(Settings(), Log, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log($"{ConfigurationName} environment failed to start: {ex.Message}");
            _startFailure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>Writes the fixture's own log lines gathered so far to a test's output.</summary>
    public void FlushLogTo(ITestOutputHelper output)
    {
        while (_pendingLog.TryDequeue(out var line))
        {
            output.WriteLine(line);
        }
    }

    public void Log(string message)
    {
        var line = $"[{DateTime.UtcNow:HH:mm:ss}] [{ConfigurationName}] {message}";
        _pendingLog.Enqueue(line);
        sink.OnMessage(new DiagnosticMessage(line));
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync().ConfigureAwait(false);
        }
    }
}
