using HdrHistogram;

namespace Perf.Engine.Stats;

/// <summary>Histogram shape shared by every recorder: microseconds, 1 µs to 1 h, 3 significant digits.</summary>
internal static class Histograms
{
    public const long HighestMicros = 3_600_000_000;

    public static LongConcurrentHistogram NewConcurrent() => new(1, HighestMicros, 3);

    public static LongHistogram NewSingleWriter() => new(HighestMicros, 3);

    public static Recorder NewRecorder() => new(1, HighestMicros, 3, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));

    public static long Clamp(long micros) => Math.Clamp(micros, 1, HighestMicros);

    public static double Millis(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    public static LatencyStats ToLatency(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return LatencyStats.Empty;
        }

        return new LatencyStats(
            Min: Round(histogram.GetValueAtPercentile(0) / 1000.0),
            P50: Round(Millis(histogram, 50)),
            P75: Round(Millis(histogram, 75)),
            P90: Round(Millis(histogram, 90)),
            P95: Round(Millis(histogram, 95)),
            P99: Round(Millis(histogram, 99)),
            P999: Round(Millis(histogram, 99.9)),
            Max: Round(histogram.GetMaxValue() / 1000.0),
            Mean: Round(histogram.GetMean() / 1000.0));
    }

    public static double Round(double value) => Math.Round(value, 3);
}
