using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The title, when it was generated, where each side comes from, and every warning a reader needs before the numbers (mixed sources, other machines, partial inputs, different schedules, a cancelled run).</summary>
internal sealed class HeaderSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        var generatedAt = context.GeneratedAt;
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
}
