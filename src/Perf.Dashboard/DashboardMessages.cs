using System.Text.Json;

namespace Perf.Dashboard;

/// <summary>
/// What the page receives, one JSON object per server-sent event (and, in an export, the same objects in one array): the
/// page's <c>apply(message)</c> is the only reader, so the live view and the file show the same thing. Property names
/// are camelCase; absent values are left out.
/// </summary>
internal static class DashboardMessages
{
    /// <summary>Sent first on every connection: the page drops what it holds, then the whole history follows.</summary>
    public static readonly string Reset = Serialize(new Reset("reset"));

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, DashboardJsonContext.Default.Options);
}

internal sealed record Reset(string Type);

/// <summary>A run begins: its label (e.g. baseline), its profile and phases (start and length in seconds from the run's start).</summary>
internal sealed record RunStarted(
    string Type, int Run, string Label, string Profile, string Target, DateTimeOffset StartedAt, double TimeScale,
    IReadOnlyList<PhaseMarker> Phases, IReadOnlyList<string> Thresholds);

internal sealed record PhaseMarker(string Name, double Start, double Duration, double? ArrivalRate, double? RampTo, int? Users);

/// <summary>One second of load: the engine's 1-second point and the totals since the start it was taken with.</summary>
internal sealed record LoadSecond(
    string Type, int Run, double T, int Phase, double? Target, double Achieved, double Rps, double P50, double P95, double P99,
    long Requests, long Errors, long InFlight, long Late, long Dropped, IReadOnlyDictionary<int, long> Codes,
    IReadOnlyDictionary<string, long> ErrorKinds);

/// <summary>One second of the system: the fixtures' resource sample (seconds from the sampler's start).</summary>
internal sealed record SystemSecond(
    string Type, int Run, double T, double? HostCpu, double? HostMemory, IReadOnlyDictionary<string, double> Cpu,
    IReadOnlyDictionary<string, double> Memory, double? RedisMemoryMb, long? RedisClients, long? RedisOps, long? Evicted,
    long? QueueLength, long? QueuePending, long? QueueLag, long? Accepted, long? Processed, double? JobP95, double? JobP99, string? Error);

/// <summary>The ensure checks on the run so far (<c>Final</c> false) or the report's verdict (<c>Final</c> true).</summary>
internal sealed record ThresholdState(string Type, int Run, double T, bool Final, IReadOnlyList<CheckState> Checks);

internal sealed record CheckState(string Expression, string Scope, double Measured, double Allowed, string Unit, bool Passed);

/// <summary>The run's end: its totals as the report has them.</summary>
internal sealed record RunEnded(string Type, int Run, double Duration, long Requests, double P95, double P99, double ErrorRate, bool Cancelled);
