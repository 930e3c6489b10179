using System.Text;
using Perf.Engine.Stats;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The profile's phases: target against achieved arrival rate and late (or dropped) arrivals per side.</summary>
internal sealed class PhasesSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
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
}
