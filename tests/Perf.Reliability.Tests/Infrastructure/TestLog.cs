using System.Collections.Concurrent;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// The fixture's and the test's log lines: written to the test output and kept, so a test can also check what was
/// logged (the security tests scan them for the Redis password).
/// </summary>
internal sealed class TestLog(ITestOutputHelper output)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Write(string message)
    {
        var line = $"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}";
        _lines.Enqueue(line);
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // A progress callback that fires after the test ended has no output to write to; the line is kept.
        }
    }
}
