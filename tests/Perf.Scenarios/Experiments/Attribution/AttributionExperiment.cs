using System.Globalization;
using Perf.Engine.Profiles;
using Perf.Fixtures;
using Perf.Scenarios.Experiments.Reporting;

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

    public static string MarkdownPath(string directory, string profile) => Path.Combine(directory, $"ATTRIBUTION_{profile}.md");

    public static void Write(AttributionResult result, ExperimentContext context, string directory, Action<string> log)
    {
        new ArtifactWriter(result.ProfileName, directory).Write(Path.Combine(directory, $"attribution-{result.ProfileName}.json"), new { result, context });
        var (drawn, problem) = ExperimentCharts.Try(() => ExperimentCharts.Effects(result.Effects, directory, $"attribution-{result.ProfileName}"));
        IReadOnlyList<string> problems = problem is null ? [] : [$"Effect charts not drawn: {problem}"];

        var path = MarkdownPath(directory, result.ProfileName);
        File.WriteAllText(path, AttributionMarkdown.Render(result, context, drawn ?? [], problems));
        log($"attribution: {result.Effects.Count} effects from {result.Runs.Count} runs → {path} (wall time {context.WallSeconds:0} s)");
    }
}
