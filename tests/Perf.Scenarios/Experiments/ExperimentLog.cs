using System.Collections.Concurrent;
using Xunit.Sdk;
using Xunit.v3;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Live progress for the experiments: each line goes to xUnit's diagnostic stream at once (visible while a search of
/// several minutes runs) and is kept for the test's own output.
/// </summary>
public sealed class ExperimentLog(IMessageSink sink)
{
    public const string Name = "experiments";

    private readonly ConcurrentQueue<string> _pending = new();

    public void Write(string message)
    {
        var line = $"[{DateTime.UtcNow:HH:mm:ss}] [experiments] {message}";
        _pending.Enqueue(line);
        sink.OnMessage(new DiagnosticMessage(line));
    }

    public void FlushTo(ITestOutputHelper output)
    {
        while (_pending.TryDequeue(out var line))
        {
            output.WriteLine(line);
        }
    }
}
