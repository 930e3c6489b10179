using Perf.Reports.Experiments.Capacity.Sections;
using Perf.Reports.Experiments.Sections;

namespace Perf.Reports.Experiments.Capacity;

/// <summary>CAPACITY_&lt;config&gt;.md: the maximum sustainable rate with its bracket, what broke first, every step, the chart.</summary>
public static class CapacityMarkdown
{
    /// <summary>The report's sections in the order they are written.</summary>
    internal static IReadOnlyList<IReportSection<CapacityReportContext>> Sections { get; } =
    [
        new TitleSection(),
        new RunContextSection(),
        new CapacityResultSection(),
        new CapacitySearchSection(),
        new CapacityStepsSection(),
        new ChartsSection("Latency against rate"),
    ];

    /// <summary>Draws the latency-against-rate chart under <paramref name="directory"/> and renders the report (links relative to it).</summary>
    public static ExperimentDocument Compose(CapacityReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (charts, problems) = ExperimentCharts.Draw(() => [ExperimentCharts.LatencyVsRate(report.Result, report.Configuration, directory)]);
        var markdown = MarkdownReport.Render(Sections, new CapacityReportContext(report, charts, problems));
        return new ExperimentDocument(markdown, charts, problems);
    }

    /// <summary>One sentence: the capacity with its bracket, or why there is none.</summary>
    public static string Headline(CapacityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report.Result;
        var sustained = r.LastSustained is { } s ? NumberText.F(s.TargetRate, "0.#") + "/s" : NumberText.NotAvailable;
        var broken = r.FirstBroken is { } b ? NumberText.F(b.TargetRate, "0.#") + "/s" : NumberText.NotAvailable;
        return r.Outcome switch
        {
            CapacityOutcome.Bracketed => $"**`{report.Configuration}` sustains {sustained}** (bracket: {sustained} sustained, {broken} broke; " +
                                         $"within {r.Plan.Resolution:P0}).",
            CapacityOutcome.GeneratorLimited => $"**No capacity: the generator was the limit.** `{report.Configuration}` sustained {sustained}; " +
                                                $"at {NumberText.F(r.GeneratorBehindAt!.TargetRate, "0.#")}/s the generator fell behind its schedule, so " +
                                                "that step says nothing about the system. The capacity is at least the sustained rate.",
            CapacityOutcome.AboveCeiling => $"**`{report.Configuration}` sustained every rate up to the search ceiling {sustained}**: its capacity is above it.",
            CapacityOutcome.BelowFloor => $"**`{report.Configuration}` broke at every rate tried**, down to {broken}.",
            _ => $"**The step budget ran out** with bracket {sustained} sustained, {broken} broke (wider than {r.Plan.Resolution:P0}).",
        };
    }
}
