using Perf.Fixtures.Settings;

namespace Perf.Scenarios.Running;

/// <summary>
/// Which profile a perf test runs and how strictly it is judged. PERF_PROFILE picks the profile: "smoke"
/// (default, loadtest/artillery-smoke.yml), "1k" (loadtest/artillery-1k.yml) or a path to a profile file;
/// PERF_TIME_SCALE shortens or stretches every phase; PERF_MIN_RATE_RATIO is the share of each phase's target
/// arrival rate the generator must reach, so a generator that fell behind cannot pass. PERF_REPEAT (set by
/// eng/run-comparison.sh under PERF_REPEATS) numbers this run among repeats; PERF_AA with PERF_AA_HALF (a or b) makes
/// it one half of an A/A run of that configuration. <see cref="JobSlo"/> holds the job path's limits. PERF_DASHBOARD=true
/// serves the live web dashboard on 127.0.0.1:PERF_DASHBOARD_PORT (default 5665) and writes it beside the report.
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
    public int DashboardPort { get; init; } = Perf.Dashboard.LiveDashboard.DefaultPort;

    /// <summary>
    /// The configurations whose job-path SLOs fail the test (PERF_JOB_SLO_ENFORCE, comma-separated; default
    /// "optimized"). The baseline is the reference that is known not to keep its queue up at the 1k profile's rate:
    /// its job SLOs are measured and reported, and fail its test only when named here.
    /// </summary>
    public IReadOnlySet<string> JobSloEnforcedFor { get; init; } = DefaultJobSloEnforcedFor;

    public static IReadOnlySet<string> DefaultJobSloEnforcedFor { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "optimized" };

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

    /// <summary>PERF_DASHBOARD and PERF_DASHBOARD_PORT alone, for the assembly fixture that serves the dashboard (a bad value is added to <paramref name="env"/>'s problems).</summary>
    public static (bool Enabled, int Port) DashboardFrom(PerfVariables env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return (env.Bool("PERF_DASHBOARD", false), env.Int("PERF_DASHBOARD_PORT", Perf.Dashboard.LiveDashboard.DefaultPort, 0, 65535));
    }

    /// <summary>Reads the process's PERF_* variables; every bad value is reported at once, naming the variable (<see cref="PerfVariables"/>).</summary>
    public static PerfRunSettings FromEnvironment() => From(PerfVariables.FromProcess());

    public static PerfRunSettings From(PerfVariables env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var profile = env.Text("PERF_PROFILE", "smoke");
        var path = profile switch
        {
            "smoke" or "1k" => Path.Combine(RepositoryPaths.Root, "loadtest", $"artillery-{profile}.yml"),
            _ => Path.GetFullPath(profile, RepositoryPaths.Root),
        };
        if (!File.Exists(path))
        {
            env.Problems.Add($"PERF_PROFILE='{profile}': profile file '{path}' does not exist (allowed: smoke, 1k, or the path of a profile file).");
        }

        var name = profile is "smoke" or "1k" ? profile : Path.GetFileNameWithoutExtension(path).Replace("artillery-", "", StringComparison.Ordinal);
        var aa = env.Get("PERF_AA");
        var half = env.Get("PERF_AA_HALF");
        if (aa is not null && half is not ("a" or "b"))
        {
            env.Problems.Add($"PERF_AA='{aa}' needs PERF_AA_HALF=a or b, found '{half}' (eng/run-comparison.sh sets it).");
        }

        var labels = env.Get("PERF_AA_LABELS") is { } labelText ? Reporting.SideLabels.Parse(labelText) : null;
        if (labels is not null && aa is null)
        {
            env.Problems.Add("PERF_AA_LABELS names the halves of an A/A run: set PERF_AA too (eng/perf-gate-compare.sh sets both).");
        }

        var settings = new PerfRunSettings(name, path,
            env.Double("PERF_TIME_SCALE", 1.0, 0.01, 10), env.Double("PERF_MIN_RATE_RATIO", 0.95, 0, 1))
        {
            Repeat = env.Get("PERF_REPEAT") is null ? null : env.Int("PERF_REPEAT", 1, 1, 1000),
            AaConfiguration = aa,
            AaHalf = aa is null ? null : half,
            AaLabels = labels,
            Dashboard = DashboardFrom(env).Enabled,
            DashboardPort = DashboardFrom(env).Port,
            JobSlo = new JobSlo(
                env.Double("PERF_JOB_P95_MS", JobSlo.DefaultP95Ms, 0, double.MaxValue),
                env.Double("PERF_JOB_P99_MS", JobSlo.DefaultP99Ms, 0, double.MaxValue),
                env.Double("PERF_MAX_DRAIN_S", JobSlo.DefaultMaxDrainSeconds, 0, double.MaxValue),
                env.Double("PERF_MAX_QUEUE_LAG_GROWTH", JobSlo.DefaultMaxQueueLagGrowthPerSecond, 0, double.MaxValue)),
            JobSloEnforcedFor = env.Get("PERF_JOB_SLO_ENFORCE") is null
                ? DefaultJobSloEnforcedFor
                : new HashSet<string>(env.List("PERF_JOB_SLO_ENFORCE", []), StringComparer.OrdinalIgnoreCase),
        };
        env.ThrowIfInvalid();
        return settings;
    }
}
