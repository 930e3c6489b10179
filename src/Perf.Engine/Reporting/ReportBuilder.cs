using System.Diagnostics;
using Perf.Engine.Running;
using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>Turns the recorders of a finished run into a <see cref="RunReport"/>.</summary>
internal static class ReportBuilder
{
    public static RunReport Build(
        RunContext context, IReadOnlyList<PhaseRecorder> phases, IReadOnlyList<TimeSeriesPoint> points, RunOptions options, bool cancelled)
    {
        var endedAt = DateTimeOffset.UtcNow;
        var seconds = Math.Max(0.001, (Stopwatch.GetTimestamp() - context.StartTimestamp) / (double)Stopwatch.Frequency);
        var profile = context.Plan.Profile;
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
            Phases = [.. phases.Select(p => p.ToReport(context.StartTimestamp))],
            Totals = context.Totals.ToStats(seconds),
            Scenarios = [.. context.Plan.Scenarios.Select(s => new ScenarioReport(
                s.Scenario.Name, s.Scenario.Weight, s.Created, s.Completed, s.Failed, s.Recorder.ToStats(seconds)))],
            Requests = [.. context.Plan.Requests.Select(r => new RequestReport(
                r.Key, r.First.Method.Method, r.First.Url, r.First.Name, r.Recorder.ToStats(seconds)))],
            TimeSeries = [.. points],
        };
    }
}
