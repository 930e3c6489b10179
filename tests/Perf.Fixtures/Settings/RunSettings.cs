using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>Which profile a perf test runs, how strictly its arrival rate is judged, and where its evidence goes.</summary>
public sealed class RunSettings
{
    /// <summary>The load profile: smoke (loadtest/artillery-smoke.yml), 1k (loadtest/artillery-1k.yml) or the path of a profile file, relative to the repository root.</summary>
    [EnvironmentVariable("PERF_PROFILE", Accepts = "smoke, 1k, or a profile file's path")]
    public string Profile { get; set; } = "smoke";

    /// <summary>Multiplies every phase's duration (0.1 runs a tenth of the profile); the report states it.</summary>
    [EnvironmentVariable("PERF_TIME_SCALE")]
    [Range(0.01, 10.0)]
    public double TimeScale { get; set; } = 1.0;

    /// <summary>The share of each phase's target arrival rate the generator must reach, so that a generator that fell behind cannot pass.</summary>
    [EnvironmentVariable("PERF_MIN_RATE_RATIO")]
    [Range(0.0, 1.0)]
    public double MinRateRatio { get; set; } = 0.95;

    /// <summary>This run's number among repeats (eng/run-comparison.sh sets it under PERF_REPEATS); unset for a single run.</summary>
    [EnvironmentVariable("PERF_REPEAT")]
    [Range(1, 1000)]
    public int? Repeat { get; set; }

    /// <summary>The id shared by the test processes of one comparison, so that their reports count as this run's (the scripts set it); unset: one id per test process.</summary>
    [EnvironmentVariable("PERF_SESSION_ID", Accepts = "any text")]
    public string? SessionId { get; set; }

    /// <summary>Where reports, metrics and the comparison are written, relative to the repository root.</summary>
    [EnvironmentVariable("PERF_ARTIFACTS_DIR", Accepts = "a folder's path")]
    public string ArtifactsDirectory { get; set; } = "artifacts/perf";
}
