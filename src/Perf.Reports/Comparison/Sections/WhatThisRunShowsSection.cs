using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>"What this run shows": the largest called effects of the headline first, then its limits.</summary>
internal sealed class WhatThisRunShowsSection : IReportSection<ComparisonContext>
{
    /// <summary>Sentences in "What this run shows": the largest called effects first, then the limits.</summary>
    public const int MaxEffectSentences = 5;

    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (a, b) = (context.A, context.B);
        var results = context.Results;
        md.AppendLine("## What this run shows").AppendLine();
        var called = results.Metrics.Where(m => m.Verdict is Verdict.Better or Verdict.Worse or Verdict.Changed && m.Estimate is not null)
            .OrderByDescending(m => Magnitude(m))
            .ToList();
        var calm = results.Metrics.Where(m => m.Verdict == Verdict.NoDetectableDifference).ToList();
        var sentences = called.Take(MaxEffectSentences).Select(m => Sentence(m, results)).ToList();
        if (sentences.Count < 3)
        {
            sentences.AddRange(calm.OrderBy(Magnitude).Take(3 - sentences.Count).Select(m => Sentence(m, results)));
        }

        if (sentences.Count == 0)
        {
            sentences.Add("No headline metric could be compared: a sustained phase with per-second data is missing from at least one report.");
        }

        var others = calm.Count - sentences.Count(s => s.Contains("no detectable difference", StringComparison.Ordinal));
        if (others > 0)
        {
            sentences.Add($"{others} further metric(s) showed no detectable difference at their minimum effect (table below).");
        }

        foreach (var sentence in sentences)
        {
            md.AppendLine($"- {sentence}");
        }

        md.AppendLine().Append("**Limits.** ").AppendLine(string.Join(" ", Limits(results, a, b))).AppendLine();
    }

    private static double Magnitude(MetricComparison m) => m.Estimate is not { } e ? 0
        : m.Scale == EffectScale.Ratio ? Math.Abs(Math.Log(Math.Max(e, 1e-12))) : Math.Abs(e) / Math.Max(m.MinEffect, 1e-12);

    private static string Sentence(MetricComparison m, ComparisonResults results)
    {
        var values = $"{EffectText.Amount(m.B, m.Unit)} vs {EffectText.Amount(m.A, m.Unit)}";
        var interval = m.CiLow is null ? "no interval" : $"95 % CI {EffectText.Interval(m.CiLow, m.CiHigh, m.Scale, m.Unit)}";
        var verdict = m.Verdict switch
        {
            Verdict.Better => "better",
            Verdict.Worse => "worse",
            Verdict.Changed => "changed",
            _ => "no detectable difference",
        };
        return $"{results.SideB} vs {results.SideA}, {m.Name}: {values} ({EffectText.Effect(m.Estimate, m.Scale, m.Unit, m.A, m.B)}, {interval}) — **{verdict}** " +
               $"at a minimum effect of {EffectText.MinimumEffect(m)}.";
    }

    private static IEnumerable<string> Limits(ComparisonResults results, ComparisonSide a, ComparisonSide b)
    {
        yield return results.IntervalNote;
        var unestimated = results.Metrics.Where(m => m.Verdict == Verdict.NotEstimated).Select(m => m.Name).ToList();
        if (unestimated.Count > 0)
        {
            yield return $"Without an interval, so without a verdict: {string.Join(", ", unestimated)}.";
        }

        if (a.Load.TimeScale != 1 || b.Load.TimeScale != 1)
        {
            yield return $"The profile ran at time scale {NumberText.F(a.Load.TimeScale, "0.###")}: the sustained phase lasted {NumberText.F(a.SustainedPhase?.DurationSeconds, "0.#")} s, " +
                         "so each interval rests on few seconds.";
        }

        yield return a.Report?.Machine is { } machine
            ? $"Generator and system shared {machine.Cores} cores of one machine ({machine.HostName}), so absolute numbers are this machine's; ratios travel better."
            : "The inputs do not record the machine they ran on, so absolute numbers belong to an unknown machine; ratios travel better.";
        if (!a.MeasuredSystem || !b.MeasuredSystem)
        {
            yield return "Headline metrics of the system (job latency and throughput, queue lag, CPU, Redis memory) are not estimated for a side whose input is the load engine's report only.";
        }
        if (!a.IsThisRun || !b.IsThisRun)
        {
            yield return "At least one side is a stored report of an earlier run (see the header).";
        }

        yield return results.NoiseFloorSource is { } floor
            ? $"Minimum effects were raised to the measured noise floor where it was larger ({floor})."
            : "No A/A noise floor was measured for this profile (PERF_AA=baseline measures one); the minimum effects are the stated ones.";
    }
}
