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
    private readonly List<(bool On, double CpuPerThousand)> _windows = [];
    private IDisposable? _feature;
    private (TimeSpan Cpu, long Requests, long Timestamp)? _open;
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
            _windows.Add((_feature is not null, (closing.Cpu - open.Cpu).TotalSeconds / seconds * 100 / (rps / 1000)));
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

    /// <summary>Per pair of windows: off, on, on − off, in % of a core per 1,000 req/s.</summary>
    public IReadOnlyList<(double Off, double On)> Pairs() =>
        [.. _windows.Chunk(2).Where(pair => pair.Length == 2).Select(pair => (pair.Single(w => !w.On).CpuPerThousand, pair.Single(w => w.On).CpuPerThousand))];

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

    private static (TimeSpan Cpu, long Requests, long Timestamp) Reading(long requests)
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, requests, Stopwatch.GetTimestamp());
    }
}
