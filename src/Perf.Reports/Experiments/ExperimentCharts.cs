using Perf.Reports.Comparison;
using Perf.Reports.Experiments.Attribution;
using Perf.Reports.Experiments.Capacity;
using Perf.Reports.Experiments.Scaling;
using ScottPlot;

namespace Perf.Reports.Experiments;

/// <summary>
/// The experiments' PNG charts, drawn like the comparison's (ScottPlot, the shipped font, the comparison's size): latency
/// against arrival rate with the knee, the scaling points with their USL fit, and effects with interval whiskers.
/// </summary>
internal static class ExperimentCharts
{
    private static readonly Color SustainedColor = Color.FromHex("#1f77b4");
    private static readonly Color BrokenColor = Color.FromHex("#d62728");
    private static readonly Color NeutralColor = Color.FromHex("#7f7f7f");

    /// <summary>Draws a report's charts, or says why not: a missing native library (libSkiaSharp) throws at first use, and the numbers still matter.</summary>
    public static (IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> Problems) Draw(Func<IReadOnlyList<ChartImage>> draw)
    {
        try
        {
            return (draw(), []);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ([], [$"{ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}"]);
        }
    }

    public static ChartImage LatencyVsRate(CapacityResult result, string configuration, string directory)
    {
        var plot = new Plot();
        var steps = result.Steps.OrderBy(s => s.TargetRate).ToList();
        var rates = steps.Select(s => s.TargetRate).ToArray();
        AddLine(plot, rates, steps.Select(s => s.Measured.HttpP99Ms).ToArray(), "HTTP p99", SustainedColor, LinePattern.Solid);
        AddLine(plot, rates, steps.Select(s => s.Measured.HttpP95Ms).ToArray(), "HTTP p95", SustainedColor, LinePattern.Dashed);
        var jobSteps = steps.Where(s => s.Measured.JobP99Ms is not null).ToList();
        AddLine(plot, jobSteps.Select(s => s.TargetRate).ToArray(), jobSteps.Select(s => s.Measured.JobP99Ms!.Value).ToArray(), "job end-to-end p99", NeutralColor, LinePattern.Solid);
        foreach (var step in steps.Where(s => s.Outcome != StepOutcome.Sustained))
        {
            var marker = plot.Add.VerticalLine(step.TargetRate);
            marker.Color = (step.Outcome == StepOutcome.Broke ? BrokenColor : NeutralColor).WithAlpha(0.5);
            marker.LinePattern = LinePattern.Dotted;
        }

        if (result.MaxSustainableRate is { } max)
        {
            var line = plot.Add.VerticalLine(max);
            line.Color = SustainedColor.WithAlpha(0.7);
            line.LineWidth = 2;
            line.LegendText = $"max sustained {max:0.#}/s";
        }

        plot.Axes.SetLimitsY(0, Math.Max(1, steps.SelectMany(s => new[] { s.Measured.HttpP99Ms, s.Measured.JobP99Ms ?? 0 }).Max() * 1.1));
        return Save(plot, $"{configuration}: latency against arrival rate (dotted: steps that broke)", "target arrival rate (/s)", "latency (ms)",
            directory, $"capacity-{configuration}-latency.png");
    }

    public static ChartImage Scaling(ScalingResult result, string directory)
    {
        var plot = new Plot();
        var xs = result.Points.Select(p => (double)p.Workers).ToArray();
        var measured = plot.Add.ScatterPoints(xs, result.Points.Select(p => p.JobsPerSecond).ToArray());
        measured.LegendText = "measured";
        measured.Color = SustainedColor;
        measured.MarkerSize = 10;
        AddLine(plot, xs, result.Points.Select(p => p.IoCeiling).ToArray(), "I/O ceiling (slots ÷ downstream wait)", NeutralColor, LinePattern.Dotted);
        if (result.Fit is { } fit)
        {
            var curveX = Enumerable.Range(0, 101).Select(i => 1 + i * (Math.Max(xs.Max(), 10) - 1) / 100.0).ToArray();
            AddLine(plot, curveX, curveX.Select(fit.Throughput).ToArray(), $"USL fit (σ {fit.Sigma:0.###}, κ {fit.Kappa:0.####})", BrokenColor, LinePattern.Solid);
        }

        var top = result.Points.Select(p => Math.Max(p.JobsPerSecond, p.IoCeiling)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.1);
        return Save(plot, "Maximum job throughput against worker count", "workers", "jobs per second", directory, "scaling-usl.png");
    }

    /// <summary>One chart per metric: each effect's estimate with its interval as whiskers, zero as a reference line.</summary>
    public static IReadOnlyList<ChartImage> Effects(IReadOnlyList<KnobEffect> effects, string directory, string prefix)
    {
        var charts = new List<ChartImage>();
        foreach (var metric in effects.GroupBy(e => e.Metric))
        {
            var plot = new Plot();
            var items = metric.Where(e => double.IsFinite(e.Interval.Estimate)).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var xs = Enumerable.Range(0, items.Count).Select(i => (double)i).ToArray();
            var ys = items.Select(e => e.Interval.Estimate).ToArray();
            var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null,
                items.Select(e => e.Interval.HasInterval ? e.Interval.High - e.Interval.Estimate : 0).ToArray(),
                items.Select(e => e.Interval.HasInterval ? e.Interval.Estimate - e.Interval.Low : 0).ToArray())
            {
                Color = SustainedColor,
                LineWidth = 2,
            };
            plot.Add.Plottable(bars);
            var points = plot.Add.ScatterPoints(xs, ys);
            points.Color = SustainedColor;
            points.MarkerSize = 9;
            var zero = plot.Add.HorizontalLine(0);
            zero.Color = NeutralColor;
            zero.LinePattern = LinePattern.Dashed;
            plot.Axes.Bottom.SetTicks(xs, items.Select(e => e.Effect).ToArray());
            var key = new string(metric.Key.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            charts.Add(Save(plot, $"Effect on {metric.Key} ({items[0].Unit}), {EffectEstimate.ConfidenceLevel:P0} within-run intervals",
                "design column (knob or interaction)", $"high − low ({items[0].Unit})", directory, $"{prefix}-effect-{key}.png", legend: false));
        }

        return charts;
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string label, Color color, LinePattern pattern)
    {
        if (xs.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LinePattern = pattern;
    }

    private static ChartImage Save(Plot plot, string title, string xLabel, string yLabel, string directory, string fileName, bool legend = true)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (legend)
        {
            plot.ShowLegend(Edge.Right);
        }

        if (ChartFonts.Name is { } font)
        {
            plot.Font.Set(font);
        }

        var path = Path.Combine(directory, "charts", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        plot.SavePng(path, ComparisonCharts.Width, ComparisonCharts.Height);
        return new ChartImage(title, path, $"charts/{fileName}");
    }
}
