using System.Globalization;

namespace Perf.Reports;

/// <summary>Invariant number formatting for the report; a missing value is "n/a", never 0.</summary>
public static class NumberText
{
    public const string NotAvailable = "n/a";

    /// <summary>A cell of a side whose input is the load engine's report only, which does not record this.</summary>
    public const string NotRecorded = "not recorded";

    /// <summary>A measurement a side's input did not take (the load engine's report has no host, Redis or job figures).</summary>
    public const string NotMeasured = "not measured";

    public static string F(double? value, string format = "0.0") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : NotAvailable;

    public static string F(long? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>Milliseconds, or seconds from 10 s up (a queue-bound job latency of 114944.0 ms reads 114.9 s).</summary>
    public static string Ms(double? value) => value is null ? NotAvailable
        : value >= 10_000 ? F(value / 1000, "#,0.0") + " s"
        : F(value, value < 10 ? "0.00" : "0.0") + " ms";

    public static string Bytes(long bytes) => bytes switch
    {
        0 => "0 (no limit)",
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 30 => F(bytes / (double)(1L << 30), "0.00") + " GB",
        >= 1L << 20 => F(bytes / (double)(1L << 20), "0.0") + " MB",
        _ => F(bytes) + " B",
    };

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Codes(IReadOnlyDictionary<int, long> codes) => codes.Count == 0
        ? "–"
        : string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {F(c.Value)}"));
}
