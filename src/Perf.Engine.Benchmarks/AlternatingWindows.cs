using System.Diagnostics;
using System.Globalization;
using Perf.Engine.Running;

namespace Perf.Engine.Benchmarks;

/// <summary>
/// Switches an observation feature on and off inside one long run, window by window, in the order off, on, on, off
/// (then again), and measures the generator's CPU per 1,000 req/s of each window. Within one process the JIT and the
/// connections are the same for both arms, and adjacent windows see the same machine, so the paired difference shows an
/// effect far below the scatter of separate runs. Switching happens between windows: starting and stopping the feature
/// (building a meter provider, its last export, starting a web server) is outside both.
/// </summary>
internal sealed class AlternatingWindows(Func<IDisposable> switchOn, int windowSeconds, TimeSpan skip)
{
    private readonly List<(bool On, double CpuPerThousand, Dictionary<string, double> ByThread)> _windows = [];
    private IDisposable? _feature;
    private (TimeSpan Cpu, long Requests, long Timestamp, Dictionary<string, (string Name, double Seconds)> Threads)? _open;
    private int _ticks;

    /// <summary>Pass as <see cref="RunOptions.Progress"/> with a one-second interval.</summary>
    public void Observe(ProgressSnapshot snapshot)
    {
        if (snapshot.Elapsed < skip || snapshot.Elapsed > snapshot.Total - TimeSpan.FromSeconds(1) || ++_ticks % windowSeconds != 1)
        {
            return;
        }

        var closing = Reading(snapshot.Requests);
        if (_open is { } open && closing.Requests > open.Requests)
        {
            var seconds = (closing.Timestamp - open.Timestamp) / (double)Stopwatch.Frequency;
            var rps = (closing.Requests - open.Requests) / seconds;
            var perThousand = 100 / seconds / (rps / 1000);
            var byThread = closing.Threads
                .GroupBy(t => t.Value.Name, t => t.Value.Seconds - (open.Threads.TryGetValue(t.Key, out var before) ? before.Seconds : 0))
                .ToDictionary(g => g.Key, g => g.Sum() * perThousand);
            _windows.Add((_feature is not null, (closing.Cpu - open.Cpu).TotalSeconds * perThousand, byThread));
        }

        _feature?.Dispose();
        _feature = null;

        // off, on, on, off, off, on, ...: each pair's order alternates, so a drift of the machine does not favour one arm.
        var next = _windows.Count;
        if ((next % 4) is 1 or 2)
        {
            _feature = switchOn();
        }

        _open = Reading(snapshot.Requests);
    }

    /// <summary>Ends the last window's feature (the run is over).</summary>
    public void Stop()
    {
        _feature?.Dispose();
        _feature = null;
    }

    /// <summary>The runtime's background tier-up compiler (thread names are cut to 15 characters on Linux).</summary>
    public const string JitThread = ".NET Tiered Com";

    /// <summary>Per pair of windows: off and on, in % of a core per 1,000 req/s, the whole process or without the <see cref="JitThread"/>.</summary>
    public IReadOnlyList<(double Off, double On)> Pairs(bool withoutJit = false) =>
        [.. _windows.Chunk(2).Where(pair => pair.Length == 2).Select(pair => (Cpu(pair.Single(w => !w.On), withoutJit), Cpu(pair.Single(w => w.On), withoutJit)))];

    private static double Cpu((bool On, double CpuPerThousand, Dictionary<string, double> ByThread) window, bool withoutJit) =>
        window.CpuPerThousand - (withoutJit ? window.ByThread.GetValueOrDefault(JitThread) : 0);

    /// <summary>Per thread name (Linux), the median over the pairs of on − off, in points per 1,000 req/s, largest first.</summary>
    public IEnumerable<string> ThreadDeltas()
    {
        var pairs = _windows.Chunk(2).Where(pair => pair.Length == 2).Select(pair => (Off: pair.Single(w => !w.On).ByThread, On: pair.Single(w => w.On).ByThread)).ToList();
        return pairs.SelectMany(p => p.Off.Keys.Concat(p.On.Keys)).Distinct()
            .Select(name => (name, delta: Median(pairs.Select(p => p.On.GetValueOrDefault(name) - p.Off.GetValueOrDefault(name)))))
            .Where(t => Math.Abs(t.delta) >= 0.005)
            .OrderByDescending(t => Math.Abs(t.delta))
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.name} {t.delta:+0.00;-0.00}"));
    }

    public static string Summary(IReadOnlyList<(double Off, double On)> pairs)
    {
        if (pairs.Count == 0)
        {
            return "no complete pair of windows: run longer";
        }

        var deltas = pairs.Select(p => p.On - p.Off).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{pairs.Count} pairs: off {Median(pairs.Select(p => p.Off)):F2}, on {Median(pairs.Select(p => p.On)):F2}, paired on - off median {Median(deltas):+0.00;-0.00}, " +
            $"interquartile {Quantile(deltas, 0.25):+0.00;-0.00} ... {Quantile(deltas, 0.75):+0.00;-0.00}, min {deltas[0]:+0.00;-0.00}, max {deltas[^1]:+0.00;-0.00} points of a core per 1,000 req/s");
    }

    private static double Median(IEnumerable<double> values) => Quantile([.. values.Order()], 0.5);

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static (TimeSpan Cpu, long Requests, long Timestamp, Dictionary<string, (string Name, double Seconds)> Threads) Reading(long requests)
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, requests, Stopwatch.GetTimestamp(), ThreadCpu());
    }

    /// <summary>
    /// CPU seconds so far by thread id, with the thread's name, from /proc/self/task/*/stat (utime and stime at 100 ticks
    /// a second); empty elsewhere. By id, not name: a runtime thread that exits and is started again under the same name
    /// (the tier-up compiler does) must not count as one thread whose CPU went backwards.
    /// </summary>
    private static Dictionary<string, (string Name, double Seconds)> ThreadCpu()
    {
        var byId = new Dictionary<string, (string Name, double Seconds)>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task"))
        {
            return byId;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended between the listing and the read
            }

            var name = text[(text.IndexOf('(', StringComparison.Ordinal) + 1)..text.LastIndexOf(')')];
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            byId[Path.GetFileName(task)] = (name, seconds);
        }

        return byId;
    }
}
