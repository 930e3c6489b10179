using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>An A/A run: one configuration compared with itself, for the noise floor or for the pull-request gate's base and head (docs/statistics.md).</summary>
public sealed class AaSettings
{
    /// <summary>The configuration an A/A run compares with itself (baseline or optimized); unset for the usual baseline-vs-optimized comparison.</summary>
    [EnvironmentVariable("PERF_AA")]
    [AllowedValues(EnvironmentPresets.Baseline, EnvironmentPresets.Optimized)]
    public string? Configuration { get; set; }

    /// <summary>Which half of the A/A run this test process is (eng/run-comparison.sh sets it).</summary>
    [EnvironmentVariable("PERF_AA_HALF")]
    [AllowedValues("a", "b")]
    public string? Half { get; set; }

    /// <summary>Names of the two halves when they are two builds, e.g. base,head (eng/perf-gate-compare.sh sets it); unset for a noise-floor run.</summary>
    [EnvironmentVariable("PERF_AA_LABELS", Accepts = "two different names, comma-separated (letters, digits, . or _)")]
    public string? Labels { get; set; }
}
