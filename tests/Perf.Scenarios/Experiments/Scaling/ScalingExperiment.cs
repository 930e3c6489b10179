using System.Globalization;
using Perf.Engine.Profiles;
using Perf.Fixtures;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Scaling;

namespace Perf.Scenarios.Experiments.Scaling;

/// <summary>The worker-scaling curve: one fresh environment per worker count, then the USL fit, written as SCALING.md.</summary>
public sealed record ScalingExperiment(LoadProfile Template, ScalingPlan Plan, bool Tiny)
{
    public const double PointOverheadSeconds = 20;

    public TimeSpan ExpectedDuration => TimeSpan.FromSeconds(Plan.WorkerCounts.Sum(n => PointOverheadSeconds + Plan.FillSecondsFor(n) + Plan.DrainSeconds * 1.5));

    public async Task<ScalingResult> RunAsync(Action<string> log, CancellationToken ct)
    {
        var context = ExperimentContext.Begin(Tiny);
        log(string.Create(CultureInfo.InvariantCulture,
            $"scaling: expect about {ExpectedDuration.TotalMinutes:0.0} min for {string.Join(", ", Plan.WorkerCounts)} workers"));
        var runner = new ScalingRunner(Template, Plan, log);
        var points = new List<ScalingPoint>();
        foreach (var (workers, i) in Plan.WorkerCounts.Select((n, i) => (n, i)))
        {
            log($"scaling: point {i + 1}/{Plan.WorkerCounts.Count}, {workers} worker(s)");
            points.Add(await runner.MeasureAsync(workers, ct).ConfigureAwait(false));
        }

        UslFit? fit = null;
        string? problem = null;
        try
        {
            fit = UniversalScalabilityLaw.Fit(points.Select(p => ((double)p.Workers, p.JobsPerSecond)).ToList());
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }

        var result = new ScalingResult(points, fit, problem, System.Environment.ProcessorCount);
        Write(result, context.End(), ExperimentSettings.Directory(Tiny), log);
        return result;
    }

    public static void Write(ScalingResult result, ExperimentContext context, string directory, Action<string> log)
    {
        new ArtifactWriter("experiments", directory).Write(ExperimentFiles.ScalingJson(directory), new { result, context });
        var path = ExperimentFiles.ScalingMarkdown(directory);
        ScalingMarkdown.Compose(result, context, directory).WriteMarkdown(path);
        log($"scaling: {string.Join(", ", result.Points.Select(p => $"{p.Workers}w {p.JobsPerSecond:0}/s"))}" +
            (result.Fit is { } f ? string.Create(CultureInfo.InvariantCulture, $"; USL σ {f.Sigma:0.0000} κ {f.Kappa:0.00000}") : "") + $" → {path} (wall time {context.WallSeconds:0} s)");
    }
}
