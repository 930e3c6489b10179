using System.Globalization;
using Perf.Engine.Profiles;
using Perf.Fixtures;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Attribution;

namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>Runs a two-level design, estimates the effects, and writes ATTRIBUTION_&lt;profile&gt;.md with its charts and JSON.</summary>
public sealed record AttributionExperiment(TwoLevelDesign Design, LoadProfile Profile, string ProfileName, bool Tiny)
{
    public const double RunOverheadSeconds = 25;

    public TimeSpan ExpectedDuration => TimeSpan.FromSeconds(Design.Runs.Count * (RunOverheadSeconds + Profile.TotalDuration.TotalSeconds));

    public async Task<AttributionResult> RunAsync(Action<string> log, CancellationToken ct)
    {
        var context = ExperimentContext.Begin(Tiny);
        log(string.Create(CultureInfo.InvariantCulture,
            $"attribution: expect about {ExpectedDuration.TotalMinutes:0.0} min ({Design.Runs.Count} runs of {Profile.TotalDuration.TotalSeconds:0} s; {Design.Name})"));
        var runner = new AttributionRunner(Profile, log);
        var runs = new List<RunSeries>();
        foreach (var run in Design.Runs)
        {
            runs.Add(await runner.RunAsync(run, Design.Runs.Count, ct).ConfigureAwait(false));
        }

        var effects = EffectAnalysis.Estimate(Design, runs, new BlockBootstrap(), AttributionMetric.Headline);
        context = context.End();
        var result = new AttributionResult(Design, ProfileName, Profile.TimeScale, runs, effects, context.WallSeconds);
        Write(result, context, ExperimentSettings.Directory(Tiny), log);
        return result;
    }

    public static void Write(AttributionResult result, ExperimentContext context, string directory, Action<string> log)
    {
        new ArtifactWriter(result.ProfileName, directory).Write(ExperimentFiles.AttributionJson(directory, result.ProfileName), new { result, context });
        var path = ExperimentFiles.AttributionMarkdown(directory, result.ProfileName);
        AttributionMarkdown.Compose(result, context, result.Design.Knobs.Select(KnobSettings.Describe).ToList(), directory).WriteMarkdown(path);
        log($"attribution: {result.Effects.Count} effects from {result.Runs.Count} runs → {path} (wall time {context.WallSeconds:0} s)");
    }
}
