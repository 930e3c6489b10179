using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>Turns the recorders of a finished run into a <see cref="RunReport"/>, the two load models apart.</summary>
internal static class ReportBuilder
{
    public static RunReport Build(
        RunContext context, RunRecorder recorder, IReadOnlyList<TimeSeriesPoint> points, RunOptions options, bool cancelled)
    {
        var endedAt = DateTimeOffset.UtcNow;
        var seconds = Math.Max(0.001, (Stopwatch.GetTimestamp() - context.StartTimestamp) / (double)Stopwatch.Frequency);
        var plan = context.Plan;
        var profile = plan.Profile;
        return new RunReport
        {
            ProfileName = profile.Name,
            ProfilePath = profile.SourcePath,
            Label = options.Label,
            Target = profile.Target.ToString(),
            TimeScale = profile.TimeScale,
            StartedAt = context.StartedAt,
            EndedAt = endedAt,
            DurationSeconds = Histograms.Round(seconds),
            Cancelled = cancelled,
            CancelledRequests = context.CancelledRequests,
            AbandonedSteps = context.AbandonedSteps,
            Phases = [.. recorder.Phases.Select(p => p.ToReport(context.StartTimestamp) with
            {
                Model = p.Phase.Model,
                Kind = p.Phase.Kind,
                StartConcurrency = p.Phase.Concurrency,
                EndConcurrency = p.Phase.EndConcurrency,
            })],
            Totals = recorder.Totals(LoadModel.Open).ToStats(seconds),
            Scenarios = Scenarios(plan, recorder, LoadModel.Open, seconds),
            Requests = Requests(plan, recorder, LoadModel.Open, seconds),
            ClosedModel = plan.HasClosedPhases
                ? new ClosedModelReport(
                    recorder.Totals(LoadModel.Closed).ToStats(seconds),
                    Scenarios(plan, recorder, LoadModel.Closed, seconds),
                    Requests(plan, recorder, LoadModel.Closed, seconds))
                : null,
            TimeSeries = [.. points],
            Ledger = options.Ledger is { } ledger
                ? [.. ledger.Tallies().Select(t => new LedgerSummary(t.Key.RequestKey, t.Key.Capture, t.Count, t.Dropped))]
                : [],
        };
    }

    private static List<ScenarioReport> Scenarios(CompiledPlan plan, RunRecorder recorder, LoadModel model, double seconds) =>
        [.. plan.Scenarios.Select(s => new ScenarioReport(
            s.Scenario.Name, s.Scenario.Weight, s.Created(model), s.Completed(model), s.Failed(model), recorder.Scenario(model, s.Index).ToStats(seconds))
        {
            Model = model,
        })];

    private static List<RequestReport> Requests(CompiledPlan plan, RunRecorder recorder, LoadModel model, double seconds) =>
        [.. plan.Keys.Select(k => new RequestReport(k.Key, k.Method, k.Url, k.Name, recorder.Key(model, k.Index).ToStats(seconds)) { Model = model })];
}
