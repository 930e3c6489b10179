using Perf.Fixtures.Settings;

namespace Perf.Scenarios.Running;

/// <summary>
/// Which profile a perf test runs and how strictly it is judged, taken from the sections Run, Aa and JobSlo of
/// <see cref="PerfSettings"/> (docs/settings.md): the profile, its time scale, the share of each phase's target rate
/// the generator must reach, the repeat number, the A/A half, and the job path's limits (<see cref="JobSlo"/>).
/// </summary>
public sealed record PerfRunSettings(string ProfileName, string ProfilePath, double TimeScale, double MinAchievedRateRatio)
{
    public int? Repeat { get; init; }

    /// <summary>The configuration an A/A run compares with itself, or null for the usual baseline-vs-optimized comparison.</summary>
    public string? AaConfiguration { get; init; }

    /// <summary>"a" or "b": which half of the A/A run this is.</summary>
    public string? AaHalf { get; init; }

    /// <summary>Names of the A/A halves when they are two builds (PERF_AA_LABELS, e.g. "base,head"); null for a noise-floor run.</summary>
    public Reporting.SideLabels? AaLabels { get; init; }

    public JobSlo JobSlo { get; init; } = JobSlo.Default;

    /// <summary>Whether the configuration runs of this process show on the live web dashboard (PERF_DASHBOARD).</summary>
    public bool Dashboard { get; init; }

    /// <summary>The dashboard's port on 127.0.0.1 (PERF_DASHBOARD_PORT; 0: any free port).</summary>
    public int DashboardPort { get; init; } = PerfSettings.Defaults.Dashboard.Port;

    /// <summary>
    /// The configurations whose job-path SLOs fail the test (PERF_JOB_SLO_ENFORCE, comma-separated; default
    /// "optimized"). The baseline is the reference that is known not to keep its queue up at the 1k profile's rate:
    /// its job SLOs are measured and reported, and fail its test only when named here.
    /// </summary>
    public IReadOnlySet<string> JobSloEnforcedFor { get; init; } = DefaultJobSloEnforcedFor;

    public static IReadOnlySet<string> DefaultJobSloEnforcedFor { get; } = new HashSet<string>(PerfSettings.Defaults.JobSlo.EnforceFor, StringComparer.OrdinalIgnoreCase);

    public bool EnforcesJobSlo(string configuration) => JobSloEnforcedFor.Contains(configuration);

    /// <summary>The comparison side this run stands for: the configuration, or its A/A half.</summary>
    public string SideOf(string configuration)
    {
        if (AaConfiguration is null)
        {
            return configuration;
        }

        return AaConfiguration == configuration
            ? Reporting.ComparisonReport.AaSide(configuration, AaHalf!)
            : throw new InvalidOperationException(
                $"PERF_AA='{AaConfiguration}' but this test runs the {configuration} configuration: run only the {AaConfiguration} perf test in an A/A run.");
    }

    /// <summary>The run settings of this process (<see cref="PerfSettings.Current"/>, validated when first read).</summary>
    public static PerfRunSettings FromEnvironment() => From(PerfSettings.Current);

    public static PerfRunSettings From(PerfSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var run = settings.Run;
        var name = run.Profile is "smoke" or "1k" ? run.Profile : Path.GetFileNameWithoutExtension(settings.ProfilePath).Replace("artillery-", "", StringComparison.Ordinal);
        return new PerfRunSettings(name, settings.ProfilePath, run.TimeScale, run.MinRateRatio)
        {
            Repeat = run.Repeat,
            AaConfiguration = settings.Aa.Configuration,
            AaHalf = settings.Aa.Configuration is null ? null : settings.Aa.Half,
            AaLabels = settings.Aa.Labels is { } labels ? Reporting.SideLabels.Parse(labels) : null,
            JobSlo = JobSlo.From(settings.JobSlo),
            Dashboard = settings.Dashboard.Enabled,
            DashboardPort = settings.Dashboard.Port,
            JobSloEnforcedFor = new HashSet<string>(settings.JobSlo.EnforceFor, StringComparer.OrdinalIgnoreCase),
        };
    }
}
