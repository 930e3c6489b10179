using System.Text;
using Perf.Engine.Stats;

namespace Perf.Reports.Comparison;

/// <summary>
/// Renders the comparison Markdown from two run reports. Every number comes from the reports; the text around
/// them only names what was measured, so no run can contradict it.
/// </summary>
public static partial class ComparisonMarkdown
{
    /// <summary>The Markdown; <paramref name="markdownDirectory"/> is where it goes, and links to experiment reports are relative to it.</summary>
    public static string Render(ComparisonSide baseline, ComparisonSide optimized, ChartSet charts,
        IReadOnlyList<Recommendation> recommendations, string markdownDirectory, DateTimeOffset generatedAt, ComparisonResults results,
        ExperimentLinks experiments, ReportProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(provenance);
        var md = new StringBuilder();
        WriteHeader(md, baseline, optimized, generatedAt);
        WriteWhatThisRunShows(md, results, baseline, optimized);
        WriteHeadline(md, results);
        WriteRepeats(md, results, baseline, optimized);
        WritePhases(md, baseline, optimized);
        WritePhaseLatency(md, baseline, optimized);
        WriteEnvironment(md, baseline, optimized);
        WriteConfiguration(md, baseline, optimized);
        WriteSummary(md, baseline, optimized);
        WriteExperiments(md, experiments, markdownDirectory);
        WriteTraffic(md, baseline, optimized);
        WriteThresholds(md, baseline, optimized);
        WriteJobNotes(md, baseline, optimized);
        WriteEvidence(md, baseline, optimized);
        WriteCharts(md, charts);
        WriteRecommendations(md, recommendations);
        WriteFooter(md, provenance);
        return md.ToString();
    }

    private static void WriteHeader(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized, DateTimeOffset generatedAt)
    {
        md.AppendLine($"# Load test comparison: {baseline.Name} vs {optimized.Name} — profile `{baseline.ProfileName}`").AppendLine();
        md.AppendLine($"Generated {NumberText.Time(generatedAt)}.").AppendLine();
        var sides = new MarkdownTable("side", "source", "session", "load started", "load duration", "time scale") { LeftColumns = 3 };
        foreach (var side in new[] { baseline, optimized })
        {
            sides.Row(side.Name, side.Source, side.Report?.SessionId ?? "–",
                NumberText.Time(side.Load.StartedAt), NumberText.F(side.Load.DurationSeconds) + " s", NumberText.F(side.Load.TimeScale, "0.###"));
        }

        sides.WriteTo(md);
        if (baseline.IsThisRun != optimized.IsThisRun)
        {
            var stored = baseline.IsThisRun ? optimized : baseline;
            var fresh = baseline.IsThisRun ? baseline : optimized;
            md.AppendLine($"> **Mixed sources:** {fresh.Name} is from {fresh.Origin}; {stored.Name} is the {stored.Origin}. " +
                          "Code, machine load or settings may have changed in between.").AppendLine();
        }
        else if (!baseline.IsThisRun)
        {
            md.AppendLine("> Both sides are stored reports of earlier runs; neither was measured by this run.").AppendLine();
        }

        if (baseline.Report?.Machine is { } mb && optimized.Report?.Machine is { } mo &&
            (mb.HostName != mo.HostName || mb.Cores != mo.Cores || mb.CpuModel != mo.CpuModel))
        {
            md.AppendLine("> **Different machines:** the two sides ran on different machines (see Environment); compare ratios with care.").AppendLine();
        }

        foreach (var side in new[] { baseline, optimized }.Where(s => !s.MeasuredSystem))
        {
            md.AppendLine($"> **{side.Name} measured the requests only:** its input is {side.Source}, " +
                          "without host, container, Redis or job measurements; the sections that need them say so.").AppendLine();
        }

        foreach (var side in new[] { baseline, optimized }.Where(s => s.Load.Limitations.Count > 0))
        {
            md.AppendLine($"> **What {side.Name}'s report cannot tell:**");
            foreach (var limitation in side.Load.Limitations)
            {
                md.AppendLine($"> - {limitation}");
            }

            md.AppendLine();
        }

        var withoutPhases = new[] { baseline, optimized }.Where(s => s.Load.Phases.Count == 0).ToList();
        if (withoutPhases.Count > 0)
        {
            md.AppendLine($"> **No phases in {string.Join(" and ", withoutPhases.Select(s => s.Name))}:** the report does not say which load ran when " +
                          "(an Artillery import has no per-phase arrivals), so the schedules cannot be compared and there is no sustained phase for the headline.").AppendLine();
        }
        else if (baseline.Load.TimeScale != optimized.Load.TimeScale || baseline.Load.Phases.Count != optimized.Load.Phases.Count)
        {
            md.AppendLine($"> **Different schedules:** time scale {NumberText.F(baseline.Load.TimeScale, "0.###")} vs {NumberText.F(optimized.Load.TimeScale, "0.###")}, " +
                          $"{baseline.Load.Phases.Count} vs {optimized.Load.Phases.Count} phases: the sides did not run the same load.").AppendLine();
        }

        foreach (var side in new[] { baseline, optimized }.Where(s => s.Load.Cancelled))
        {
            md.AppendLine($"> **{side.Name} was cancelled** before its schedule ended ({NumberText.F(side.Load.CancelledRequests)} requests aborted): its numbers cover a partial run.").AppendLine();
        }
    }

    private static void WritePhases(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine($"## Profile `{baseline.ProfileName}`: phases").AppendLine();
        if (baseline.Load.TimeScale != 1 || optimized.Load.TimeScale != 1)
        {
            md.AppendLine($"Time scale {NumberText.F(baseline.Load.TimeScale, "0.###")} (baseline) / {NumberText.F(optimized.Load.TimeScale, "0.###")} (optimized): " +
                          "every phase was shortened or stretched by that factor; durations below are as run.").AppendLine();
        }

        var table = new MarkdownTable("phase", "duration", "target rate /s",
            $"{baseline.Name} achieved /s", $"{baseline.Name} late arrivals", $"{optimized.Name} achieved /s", $"{optimized.Name} late arrivals");
        var count = Math.Max(baseline.Load.Phases.Count, optimized.Load.Phases.Count);
        for (var i = 0; i < count; i++)
        {
            var b = baseline.Load.Phases.ElementAtOrDefault(i);
            var o = optimized.Load.Phases.ElementAtOrDefault(i);
            var phase = b ?? o!;
            table.Row(phase.Name, NumberText.F(phase.DurationSeconds, "0.#") + " s", TargetRate(phase),
                NumberText.F(b?.AchievedRate), Late(b), NumberText.F(o?.AchievedRate), Late(o));
        }

        table.WriteTo(md);
        var dropped = baseline.Load.Phases.Concat(optimized.Load.Phases).Any(p => p.DroppedArrivals > 0)
            ? " Dropped arrivals found the in-flight cap reached and never started."
            : string.Empty;
        md.AppendLine("Late arrivals started after their intended time; their latency is measured from the intended time (no coordinated omission)." + dropped).AppendLine();
    }

    private static string TargetRate(PhaseReport phase) => phase.TargetStartRate == phase.TargetEndRate
        ? NumberText.F(phase.TargetRate)
        : $"{NumberText.F(phase.TargetStartRate)} → {NumberText.F(phase.TargetEndRate)}";

    private static string Late(PhaseReport? phase) => phase is null
        ? NumberText.NotAvailable
        : (phase.LateArrivals == 0 ? "0" : $"{NumberText.F(phase.LateArrivals)} (p99 {NumberText.Ms(phase.LatenessP99Ms)} late)") + Dropped(phase);

    /// <summary>Arrivals the in-flight cap dropped are not late, they never started; said beside the late ones when any were.</summary>
    private static string Dropped(PhaseReport phase) => phase.DroppedArrivals == 0
        ? string.Empty
        : $"; {NumberText.F(phase.DroppedArrivals)} dropped at the in-flight cap of {NumberText.F((long?)phase.MaxInFlight)}";

    private static void WriteCharts(StringBuilder md, ChartSet charts)
    {
        md.AppendLine("## Charts").AppendLine();
        foreach (var chart in charts.Charts)
        {
            md.AppendLine($"### {chart.Title}").AppendLine().AppendLine($"![{chart.Title}]({chart.RelativePath})").AppendLine();
        }

        foreach (var problem in charts.Problems)
        {
            md.AppendLine($"- {problem}");
        }

        if (charts.Problems.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static void WriteRecommendations(StringBuilder md, IReadOnlyList<Recommendation> recommendations)
    {
        md.AppendLine("## Recommendations (derived from the measurements)").AppendLine();
        if (recommendations.Count == 0)
        {
            md.AppendLine("No rule fired: none of the conditions the report checks (evictions, an unexercised memory cap, CPU saturation, " +
                          "growing queue lag, lost jobs, a lowered maxclients, a lagging generator, a p99 regression, backpressure " +
                          "rejections, end-to-end job latency changes) showed in these measurements.").AppendLine();
            return;
        }

        var number = 1;
        foreach (var r in recommendations)
        {
            md.AppendLine($"{number++}. **{r.Title}** — {r.Evidence} → {r.Advice}");
        }

        md.AppendLine();
    }

    private static void WriteFooter(StringBuilder md, ReportProvenance provenance)
    {
        md.AppendLine("## Artifacts and how to reproduce").AppendLine();
        md.AppendLine("The evidence behind this comparison, relative to this file:").AppendLine();
        foreach (var line in provenance.Evidence)
        {
            md.AppendLine($"- {line}");
        }

        md.AppendLine().AppendLine(provenance.Reproduce).AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(provenance.Command);
        md.AppendLine("```");
    }
}
