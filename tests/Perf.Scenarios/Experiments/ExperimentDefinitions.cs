using Perf.Engine.Profiles;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Perf.Reports.Experiments.Attribution;
using Perf.Reports.Experiments.Capacity;
using Perf.Scenarios.Experiments.Attribution;
using Perf.Scenarios.Experiments.Capacity;
using Perf.Scenarios.Experiments.Scaling;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// The full experiments (settings: the sections Capacity and Scaling of <see cref="PerfSettings"/>, docs/settings.md) and their tiny versions. A tiny version
/// runs the same code on a deliberately slow system (one slot per worker, a 50 ms downstream wait) so that it breaks
/// at a few dozen arrivals per second: cheap for the generator and the cores, and still a real knee.
/// </summary>
public static class ExperimentDefinitions
{
    public const int TinyConcurrency = 1;
    public const int TinyDownstreamMs = 50;

    public static IReadOnlyList<CapacityExperiment> FullCapacity()
    {
        var settings = PerfSettings.Current;
        var capacity = settings.Capacity;
        var run = PerfRunSettings.From(settings);
        var template = ProfileLoader.Load(run.ProfilePath);
        var plan = new CapacityPlan
        {
            StartRate = capacity.StartRate,
            MaxRate = capacity.MaxRate,
            GrowthFactor = capacity.Growth,
            Resolution = capacity.Resolution,
            MaxSteps = capacity.MaxSteps,
            StepDuration = TimeSpan.FromSeconds(capacity.StepSeconds),
        };
        var criteria = new SustainCriteria { MaxJobP99Ms = capacity.JobP99Ms, MaxLateSharePercent = capacity.MaxLatePercent };
        return capacity.Configurations.Select(name => new CapacityExperiment(name, settings.Environment(name), template, run.ProfileName, plan, criteria, Tiny: false))
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
        var settings = PerfSettings.Current;
        var plan = new ScalingPlan
        {
            WorkerCounts = settings.Scaling.Workers,
            Concurrency = settings.System.WorkerConcurrency,
            DownstreamMs = settings.System.SimulatedDownstreamMs,
            FillRate = settings.Scaling.FillRate,
            DrainSeconds = settings.Scaling.DrainSeconds,
        };
        var run = PerfRunSettings.From(settings);
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
        PerfSettings.Current.Environment(preset.ConfigurationName) with { WorkerCount = 1, WorkerConcurrency = TinyConcurrency, SimulatedDownstreamMs = TinyDownstreamMs };

    private static LoadProfile SmokeProfile(double timeScale) =>
        ProfileLoader.Load(Path.Combine(RepositoryPaths.Root, "loadtest", "artillery-smoke.yml"), new ProfileOverrides { TimeScale = timeScale });
}
