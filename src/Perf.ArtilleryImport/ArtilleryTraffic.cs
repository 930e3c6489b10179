using System.Globalization;
using System.Text.Json;
using Perf.Engine.Running;
using Perf.Engine.Stats;

namespace Perf.ArtilleryImport;

/// <summary>
/// Turns Artillery's counters and summaries into the engine's <see cref="TrafficStats"/>: status codes from
/// <c>http.codes.N</c>, error kinds from <c>errors.CODE</c> plus 4xx/5xx responses (the engine counts those as errors
/// for steps without <c>expect</c>), latency from the <c>http.response_time</c> summary.
/// </summary>
internal static class ArtilleryTraffic
{
    public const string EndpointPrefix = "plugins.metrics-by-endpoint.";
    public const string EndpointLatencyPrefix = EndpointPrefix + "response_time.";
    private const string CodesInfix = ".codes.";
    private const string ErrorsInfix = ".errors.";

    public static TrafficStats Run(ArtilleryPeriod period, double seconds) => Stats(
        period,
        period.Counter("http.requests"),
        period.CountersStartingWith("http.codes.").Select(c => (c.Name, c.Value, "http.codes." + c.Name)),
        period.CountersStartingWith("errors."),
        period.Summary("http.response_time"),
        seconds);

    /// <summary>Endpoint names of the metrics-by-endpoint plugin: request names, or "host/path (name)" without useOnlyRequestNames.</summary>
    public static IReadOnlyList<string> EndpointNames(ArtilleryPeriod period)
    {
        var names = new SortedSet<string>(period.SummariesStartingWith(EndpointLatencyPrefix), StringComparer.Ordinal);
        foreach (var (name, _) in period.CountersStartingWith(EndpointPrefix))
        {
            if (SplitEndpointCounter(name) is { } split)
            {
                names.Add(split.Endpoint);
            }
        }

        return [.. names];
    }

    /// <summary>One endpoint: its requests are its responses plus its transport errors (the plugin has no request counter).</summary>
    public static TrafficStats Endpoint(ArtilleryPeriod period, string endpoint, double seconds)
    {
        var codes = new List<(string, long, string)>();
        var errors = new List<(string, long)>();
        foreach (var (name, value) in period.CountersStartingWith(EndpointPrefix))
        {
            if (SplitEndpointCounter(name) is { } split && split.Endpoint == endpoint)
            {
                if (split.IsCode)
                {
                    codes.Add((split.Suffix, value, EndpointPrefix + name));
                }
                else
                {
                    errors.Add((split.Suffix, value));
                }
            }
        }

        var requests = codes.Sum(c => c.Item2) + errors.Sum(e => e.Item2);
        return Stats(period, requests, codes, errors, period.Summary(EndpointLatencyPrefix + endpoint), seconds);
    }

    /// <summary>The engine's error kind for one of Artillery's error codes (Node's errno names, or its capture message).</summary>
    public static string ErrorKindName(string artilleryError) => Name(artilleryError switch
    {
        "ETIMEDOUT" or "ESOCKETTIMEDOUT" or "ERR_GOT_REQUEST_TIMEOUT" => ErrorKind.Timeout,
        "ECONNREFUSED" => ErrorKind.ConnectionRefused,
        "ECONNRESET" or "EPIPE" => ErrorKind.ConnectionReset,
        _ when artilleryError.StartsWith("Failed capture", StringComparison.Ordinal) => ErrorKind.CaptureFailed,
        _ => ErrorKind.Network,
    });

    private static TrafficStats Stats(
        ArtilleryPeriod period,
        long requests,
        IEnumerable<(string Code, long Count, string Counter)> codes,
        IEnumerable<(string Error, long Count)> transportErrors,
        LatencyStats? latency,
        double seconds)
    {
        var statusCodes = new SortedDictionary<int, long>();
        foreach (var (code, count, counter) in codes)
        {
            // Artillery writes http.codes.N with N the numeric status; anything else is not Artillery's HTTP engine.
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw period.Error($"counters['{counter}']", $"'{code}' is not a numeric HTTP status");
            }

            statusCodes[status] = statusCodes.GetValueOrDefault(status) + count;
        }

        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (error, count) in transportErrors)
        {
            Add(errors, ErrorKindName(error), count);
        }

        foreach (var (status, count) in statusCodes)
        {
            if (status >= 500)
            {
                Add(errors, Name(ErrorKind.Http5xx), count);
            }
            else if (status >= 400)
            {
                Add(errors, Name(ErrorKind.Http4xx), count);
            }
        }

        var errorCount = errors.Values.Sum();
        return new TrafficStats(
            requests,
            Math.Round(seconds > 0 ? requests / seconds : 0, 3),
            latency ?? LatencyStats.Empty,
            statusCodes,
            errors,
            errorCount,
            Math.Round(requests == 0 ? 0 : errorCount * 100.0 / requests, 3));
    }

    private static void Add(SortedDictionary<string, long> errors, string kind, long count) => errors[kind] = errors.GetValueOrDefault(kind) + count;

    private static string Name(ErrorKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static (string Endpoint, bool IsCode, string Suffix)? SplitEndpointCounter(string name)
    {
        var codes = name.LastIndexOf(CodesInfix, StringComparison.Ordinal);
        var errors = name.LastIndexOf(ErrorsInfix, StringComparison.Ordinal);
        return codes > errors ? (name[..codes], true, name[(codes + CodesInfix.Length)..])
            : errors >= 0 ? (name[..errors], false, name[(errors + ErrorsInfix.Length)..])
            : null;
    }
}
