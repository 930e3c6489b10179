using System.Globalization;
using Perf.Engine.Profiles;
using Perf.Fixtures;
using Perf.Model.Settings;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Capacity;

namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>A capacity search on one configuration in its own environment, written as CAPACITY_&lt;config&gt;.md and its JSON.</summary>
public sealed record CapacityExperiment(string Configuration, EnvironmentSettings Settings, LoadProfile Template, string ProfileName,
    CapacityPlan Plan, SustainCriteria Criteria, bool Tiny)
{
    /// <summary>Rough set-up and drain cost of one step beyond its load, for the duration estimate.</summary>
    public const double StepOverheadSeconds = 6;

    public const double StartSeconds = 20;

    public TimeSpan ExpectedDuration =>
        TimeSpan.FromSeconds(StartSeconds + Plan.StepDuration.TotalSeconds + Plan.ExpectedSteps() * (Plan.StepDuration.TotalSeconds + StepOverheadSeconds));

    public async Task<CapacityReport> RunAsync(Action<string> log, CancellationToken ct)
    {
        var context = ExperimentContext.Begin(Tiny);
        log(string.Create(CultureInfo.InvariantCulture,
            $"capacity {Configuration}: expect about {ExpectedDuration.TotalMinutes:0.0} min ({Plan.ExpectedSteps()} steps at most; {Plan.Describe()})"));
        CapacityResult result;
        await using (var environment = await PerfEnvironment.StartAsync(Settings, log, ct).ConfigureAwait(false))
        {
            var runner = new CapacityStepRunner(environment, Template with { Target = environment.ApiBaseUrl }, Plan, Criteria, log);
            await runner.WarmUpAsync(Plan.StartRate, Plan.StepDuration, ct).ConfigureAwait(false);
            result = await CapacitySearch.RunAsync(Plan, runner.RunAsync, line => log($"capacity {Configuration}: {line}"), ct).ConfigureAwait(false);
        }

        var report = new CapacityReport(Configuration, result, Criteria, Settings.Redacted(), ProfileName, context.End());
        var directory = ExperimentSettings.Directory(Tiny);
        Write(report, directory, log);
        return report;
    }

    public static void Write(CapacityReport report, string directory, Action<string> log)
    {
        new ArtifactWriter("experiments", directory).Write(ExperimentFiles.CapacityJson(directory, report.Configuration), report);
        var path = ExperimentFiles.CapacityMarkdown(directory, report.Configuration);
        CapacityMarkdown.Compose(report, directory).WriteMarkdown(path);
        log($"capacity {report.Configuration}: {CapacityMarkdown.Headline(report)} → {path} (wall time {report.Context.WallSeconds:0} s)");
    }
}
