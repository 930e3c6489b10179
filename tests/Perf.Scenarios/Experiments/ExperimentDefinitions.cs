using Perf.Engine.Profiles;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Perf.Scenarios.Experiments.Attribution;
using Perf.Scenarios.Experiments.Capacity;
using Perf.Scenarios.Experiments.Scaling;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// The full experiments (settings from PERF_* variables, README "Experiments") and their tiny versions. A tiny version
/// runs the same code on a deliberately slow system (one slot per worker, a 50 ms downstream wait) so that it breaks
/// at a few dozen arrivals per second: cheap for the generator and the cores, and still a real knee.
/// </summary>
public static class ExperimentDefinitions
{
    public const int TinyConcurrency = 1;
    public const int TinyDownstreamMs = 50;

    public static IReadOnlyList<CapacityExperiment> FullCapacity()
    {
        var env = PerfVariables.FromProcess();
        var run = PerfRunSettings.From(env);
        var template = ProfileLoader.Load(run.ProfilePath);
        var plan = new CapacityPlan
        {
            StartRate = env.Double("PERF_CAPACITY_START_RATE", 100, 1, 100_000),
            MaxRate = env.Double("PERF_CAPACITY_MAX_RATE", 3000, 1, 100_000),
            GrowthFactor = env.Double("PERF_CAPACITY_GROWTH", 2, 1.05, 10),
            Resolution = env.Double("PERF_CAPACITY_RESOLUTION", 0.05, 0.005, 0.5),
            MaxSteps = env.Int("PERF_CAPACITY_MAX_STEPS", 20, 1, 100),
            StepDuration = TimeSpan.FromSeconds(env.Double("PERF_CAPACITY_STEP_S", 15, 1, 600)),
        };
        var criteria = new SustainCriteria
        {
            MaxJobP99Ms = env.Double("PERF_CAPACITY_JOB_P99_MS", 1000, 1, 600_000),
            MaxLateSharePercent = env.Double("PERF_CAPACITY_MAX_LATE_PERCENT", 5, 0, 100),
        };
        var configurations = env.Names("PERF_CAPACITY_CONFIGS", EnvironmentPresets.Names, EnvironmentPresets.Names);
        env.ThrowIfInvalid();
        return configurations.Select(name => new CapacityExperiment(name, EnvironmentOverrides.Apply(EnvironmentPresets.ByName(name)), template, run.ProfileName, plan, criteria, Tiny: false))
            .ToList();
    }

    public static CapacityExperiment TinyCapacity()
    {
        var settings = TinySettings(EnvironmentPresets.BaselineSettings()) with { ConfigurationName = "tiny" };
        var plan = new CapacityPlan { StartRate = 10, MaxRate = 80, Resolution = 0.10, MaxSteps = 8, StepDuration = TimeSpan.FromSeconds(6) };
        return new CapacityExperiment("tiny", settings, SmokeProfile(1), "smoke", plan, new SustainCriteria(), Tiny: true);
    }

    public static ScalingExperiment FullScaling()
    {
        var env = PerfVariables.FromProcess();
        var settings = EnvironmentOverrides.Apply(EnvironmentPresets.BaselineSettings());
        var plan = new ScalingPlan
        {
            WorkerCounts = env.Ints("PERF_SCALING_WORKERS", [1, 2, 3, 5, 8], 1, 64),
            Concurrency = settings.WorkerConcurrency,
            DownstreamMs = settings.SimulatedDownstreamMs,
            FillRate = env.Double("PERF_SCALING_FILL_RATE", 1500, 1, 100_000),
            DrainSeconds = env.Double("PERF_SCALING_DRAIN_S", 6, 1, 600),
        };
        var run = PerfRunSettings.From(env);
        env.ThrowIfInvalid();
        return new ScalingExperiment(ProfileLoader.Load(run.ProfilePath), plan, Tiny: false);
    }

    public static ScalingExperiment TinyScaling() => new(SmokeProfile(1), new ScalingPlan
    {
        WorkerCounts = [1, 2, 3],
        Concurrency = TinyConcurrency,
        DownstreamMs = TinyDownstreamMs,
        FillRate = 60,
        DrainSeconds = 3,
    }, Tiny: true);

    /// <summary>The 2^(4−1) half fraction on PERF_PROFILE (1k by default from eng/run-experiments.sh) and PERF_TIME_SCALE.</summary>
    public static AttributionExperiment FullAttribution()
    {
        var run = PerfRunSettings.FromEnvironment();
        var profile = ProfileLoader.Load(run.ProfilePath, new ProfileOverrides { TimeScale = run.TimeScale });
        return new AttributionExperiment(TwoLevelDesign.HalfFraction(Knob.Workers, Knob.RedisConf, Knob.Pooling, Knob.Backpressure), profile, run.ProfileName, Tiny: false);
    }

    public static AttributionExperiment TinyAttribution() =>
        new(TwoLevelDesign.FullFactorial(Knob.Workers, Knob.Backpressure), SmokeProfile(0.15), "smoke", Tiny: true);

    private static EnvironmentSettings TinySettings(EnvironmentSettings preset) =>
        EnvironmentOverrides.Apply(preset) with { WorkerCount = 1, WorkerConcurrency = TinyConcurrency, SimulatedDownstreamMs = TinyDownstreamMs };

    private static LoadProfile SmokeProfile(double timeScale) =>
        ProfileLoader.Load(Path.Combine(RepositoryPaths.Root, "loadtest", "artillery-smoke.yml"), new ProfileOverrides { TimeScale = timeScale });
}
