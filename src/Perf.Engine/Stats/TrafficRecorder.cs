using HdrHistogram;
using Perf.Engine.Running;

namespace Perf.Engine.Stats;

/// <summary>
/// Lock-free counters and a concurrent histogram for one scope (run, scenario or request key); any thread may record.
/// </summary>
internal sealed class TrafficRecorder
{
    private const int StatusSlots = 600;
    private static readonly int ErrorKinds = Enum.GetValues<ErrorKind>().Length;

    private readonly LongConcurrentHistogram _latency = Histograms.NewConcurrent();
    private readonly long[] _statusCodes = new long[StatusSlots];
    private readonly long[] _errors = new long[ErrorKinds];
    private long _requests;
    private long _errorCount;

    public long Requests => Volatile.Read(ref _requests);

    public long ErrorCount => Volatile.Read(ref _errorCount);

    /// <summary>Records a finished request; <paramref name="status"/> is 0 when no response arrived.</summary>
    public void Record(long latencyMicros, int status, ErrorKind? error)
    {
        _latency.RecordValue(Histograms.Clamp(latencyMicros));
        Interlocked.Increment(ref _requests);
        if (status is > 0 and < StatusSlots)
        {
            Interlocked.Increment(ref _statusCodes[status]);
        }

        if (error is { } kind)
        {
            Interlocked.Increment(ref _errors[(int)kind]);
            Interlocked.Increment(ref _errorCount);
        }
    }

    /// <summary>Adds this scope's responses by status code to <paramref name="counts"/>.</summary>
    public void AddStatusCodes(IDictionary<int, long> counts)
    {
        for (var code = 0; code < StatusSlots; code++)
        {
            if (Volatile.Read(ref _statusCodes[code]) is var count and > 0)
            {
                counts[code] = counts.TryGetValue(code, out var earlier) ? earlier + count : count;
            }
        }
    }

    /// <summary>Adds this scope's failures by error kind (the report's names) to <paramref name="counts"/>.</summary>
    public void AddErrorKinds(IDictionary<string, long> counts)
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            if (Volatile.Read(ref _errors[(int)kind]) is var count and > 0)
            {
                var name = ErrorClassifier.Name(kind);
                counts[name] = counts.TryGetValue(name, out var earlier) ? earlier + count : count;
            }
        }
    }

    public TrafficStats ToStats(double durationSeconds)
    {
        var requests = Requests;
        var errorCount = ErrorCount;
        var statusCodes = new SortedDictionary<int, long>();
        AddStatusCodes(statusCodes);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        AddErrorKinds(errors);

        return new TrafficStats(
            requests,
            Histograms.Round(durationSeconds > 0 ? requests / durationSeconds : 0),
            Histograms.ToLatency(_latency.Copy()),
            statusCodes,
            errors,
            errorCount,
            Histograms.Round(requests == 0 ? 0 : errorCount * 100.0 / requests));
    }
}
