using Perf.Engine.Stats;
using Perf.Model.Metrics;
using ScottPlot;

namespace Perf.Reports.Comparison;

/// <summary>
/// The comparison's PNG charts (ScottPlot), one per question: latency, throughput, queue lag, Redis memory and
/// host CPU over time, both configurations on one axis. A chart with no data on either side is skipped and named.
/// </summary>
public static class ComparisonCharts
{
    public const int Width = 1000;
    public const int Height = 420;

    private static readonly Color BaselineColor = Color.FromHex("#d62728");
    private static readonly Color OptimizedColor = Color.FromHex("#1f77b4");

    private sealed record Series(string Label, double[] Xs, double[] Ys, Color Color, bool Dashed);

    public static ChartSet Render(ComparisonSide baseline, ComparisonSide optimized, string markdownDirectory, string profileName)
    {
        var charts = new List<ChartImage>();
        var problems = new List<string>();
        if (ChartFonts.Problem is { } fontProblem)
        {
            problems.Add(fontProblem);
        }

        var sides = new[] { (side: baseline, color: BaselineColor), (side: optimized, color: OptimizedColor) };
        void Draw(string key, string title, string yLabel, Func<ComparisonSide, Color, IEnumerable<Series>> series)
        {
            var relative = $"charts/{profileName}-{key}.png";
            var all = sides.SelectMany(s => series(s.side, s.color)).Where(s => s.Xs.Length > 0).ToList();
            if (all.Count == 0)
            {
                problems.Add($"{title}: not drawn, neither report has these samples.");
                return;
            }

            try
            {
                var path = Path.Combine(markdownDirectory, "charts", $"{profileName}-{key}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                Save(all, title, yLabel, baseline, path);
                charts.Add(new ChartImage(title, path, relative));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add($"{title}: rendering failed ({ex.GetType().Name}: {ex.Message}).");
            }
        }

        Draw("latency", "Request latency p95 / p99 over time", "latency (ms)", (s, c) =>
        [
            new($"{s.Name} p95", s.Load.TimeSeries.Select(p => p.Second).ToArray(), s.Load.TimeSeries.Select(p => p.P95Ms).ToArray(), c, false),
            new($"{s.Name} p99", s.Load.TimeSeries.Select(p => p.Second).ToArray(), s.Load.TimeSeries.Select(p => p.P99Ms).ToArray(), c, true),
        ]);
        Draw("throughput", "Throughput over time", "responses per second", (s, c) =>
            [new($"{s.Name} req/s", s.Load.TimeSeries.Select(p => p.Second).ToArray(), s.Load.TimeSeries.Select(p => p.Rps).ToArray(), c, false)]);
        Draw("queue-lag", "Queue lag over time (jobs not yet delivered to a worker)", "queue lag (jobs)", (s, c) =>
            [Resource(s, c, "queue lag", p => p.QueueLag)]);
        Draw("redis-memory", "Redis used memory over time", "used memory (MB)", (s, c) =>
            [Resource(s, c, "used memory", p => p.RedisUsedMemoryMb)]);
        Draw("host-cpu", "Host CPU over time (generator and system together)", "CPU (% of all cores)", (s, c) =>
            [Resource(s, c, "host CPU", p => p.HostCpuPercent)]);
        return new ChartSet(charts, problems);
    }

    private static Series Resource(ComparisonSide side, Color color, string what, Func<ResourceSample, double?> value)
    {
        var points = side.Resources.Where(p => value(p) is not null).ToList();
        return new Series($"{side.Name} {what}", points.Select(p => p.ElapsedSeconds).ToArray(), points.Select(p => value(p)!.Value).ToArray(), color, false);
    }

    private static void Save(IReadOnlyList<Series> series, string title, string yLabel, ComparisonSide phasesFrom, string path)
    {
        var plot = new Plot();
        foreach (var s in series)
        {
            var line = plot.Add.ScatterLine(s.Xs, s.Ys);
            line.LegendText = s.Label;
            line.Color = s.Color;
            line.LineWidth = 2;
            line.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
        }

        // Head room above the highest value for the phase names, so they never cover a line.
        var top = series.SelectMany(s => s.Ys).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        top = top > 0 ? top * 1.15 : 1;
        AddPhaseMarkers(plot, phasesFrom.Load.Phases, top);
        plot.Title(title);
        plot.XLabel("time since load start (s)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        if (ChartFonts.Name is { } font)
        {
            plot.Font.Set(font);
        }

        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(0, top);
        plot.SavePng(path, Width, Height);
    }

    private static void AddPhaseMarkers(Plot plot, IReadOnlyList<PhaseReport> phases, double top)
    {
        foreach (var phase in phases)
        {
            if (phase.Index > 0)
            {
                var marker = plot.Add.VerticalLine(phase.StartOffsetSeconds);
                marker.Color = Colors.Gray.WithAlpha(0.6);
                marker.LineWidth = 1;
                marker.LinePattern = LinePattern.Dotted;
            }

            var label = plot.Add.Text(phase.Name, phase.StartOffsetSeconds, top);
            label.LabelFontColor = Colors.Gray;
            label.LabelFontSize = 11;
            label.LabelFontName = ChartFonts.Name ?? Fonts.Default;
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = 3;
            label.OffsetY = 3;
        }
    }
}
