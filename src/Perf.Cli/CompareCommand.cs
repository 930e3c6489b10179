using System.CommandLine;
using Perf.Reports.Comparison;
using Perf.Reports.Html;
using Spectre.Console;

namespace Perf.Cli;

/// <summary>
/// <c>perf compare &lt;a.json&gt; &lt;b.json&gt; --out report.md [--labels A,B] [--html report.html]</c>: the comparison report the perf tests write, with
/// its charts in charts/ beside it, from two reports of <c>perf run</c>, <c>perf import-artillery</c> or the perf tests.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var first = new Argument<string>("a") { Description = "Side A (the reference): a JSON report of perf run --out, perf import-artillery or the perf tests (comparison-results/report-*.json)." };
        var second = new Argument<string>("b") { Description = "Side B, compared against A; any of the same kinds." };
        var output = new Option<string>("--out") { Description = "Where to write the Markdown report; its charts go to charts/ beside it.", Required = true };
        var labels = new Option<string>("--labels") { Description = "Names for the two sides, e.g. base,head (default: each report's configuration or label, else its file name)." };
        var html = new Option<string>("--html") { Description = "Also writes the report as one self-contained HTML file (charts inlined, no request to anywhere)." };
        var command = new Command("compare", "Writes the comparison report of two runs (Markdown and PNG charts). Sections an input did not measure (host, Redis, jobs for an engine report) say so. Exit code 0 when written, 2 on bad input.")
        {
            first, second, output, labels, html,
        };

        command.SetAction((parsed, _) => PerfCommandLine.GuardAsync(console, "compare", () => Task.FromResult(Compare(
            console,
            parsed.GetValue(first)!,
            parsed.GetValue(second)!,
            parsed.GetValue(output)!,
            parsed.GetValue(labels),
            parsed.GetValue(html)))));
        return command;
    }

    private static int Compare(CliConsole console, string pathA, string pathB, string output, string? labelText, string? html)
    {
        var outputPath = OutputFile.Prepare("--out", output);
        var htmlPath = html is null ? null : OutputFile.Prepare("--html", html);
        var (a, b) = (ComparisonInput.Read(pathA), ComparisonInput.Read(pathB));
        var (labelA, labelB) = labelText is null ? DefaultLabels(a, b) : ParseLabels(labelText);
        var document = Render(a, b, labelA, labelB, outputPath, $"perf compare {pathA} {pathB} --out {output}" + (labelText is null ? "" : $" --labels {labelText}"));
        document.WriteMarkdown(outputPath);
        if (htmlPath is not null)
        {
            HtmlReport.WriteFile(outputPath, htmlPath);
        }
        foreach (var problem in document.Charts.Problems)
        {
            console.Error.WriteLine($"perf compare: chart: {problem}");
        }

        console.Out.WriteLine($"compared {labelA} ({a.KindText}, {Path.GetFullPath(pathA)}) with {labelB} ({b.KindText}, {Path.GetFullPath(pathB)})");
        foreach (var metric in document.Results.Metrics.Where(m => m.Verdict is Perf.Statistics.Verdict.Better or Perf.Statistics.Verdict.Worse))
        {
            console.Out.WriteLine($"  {metric.Name}: {labelB} is {EffectText.Verdict(metric.Verdict)} ({EffectText.Effect(metric.Estimate, metric.Scale, metric.Unit)})");
        }

        console.Out.WriteLine($"report: {outputPath} ({document.Charts.Charts.Count} chart(s) in {Path.Combine(Path.GetDirectoryName(outputPath)!, "charts")})");
        if (htmlPath is not null)
        {
            console.Out.WriteLine($"html: {htmlPath} ({new FileInfo(htmlPath).Length:N0} bytes, self-contained)");
        }
        return ExitCodes.Success;
    }

    /// <summary>The one place the comparison is rendered: the Markdown and the charts it links (already saved beside it).</summary>
    internal static ComparisonDocument Render(ComparisonInput a, ComparisonInput b, string labelA, string labelB, string outputPath, string command)
    {
        var directory = Path.GetDirectoryName(outputPath)!;
        ComparisonSide Side(ComparisonInput input, string label) => input.ToSide(label, $"`{Path.GetFileName(input.Path)}` ({input.KindText})");
        var evidence = new[] { (a, labelA), (b, labelB) }
            .Select(s => $"{s.Item2} ({s.Item1.KindText}): `{Path.GetRelativePath(directory, Path.GetFullPath(s.Item1.Path)).Replace('\\', '/')}`")
            .ToList();
        return ComparisonComposer.Compose(new ComparisonRequest
        {
            SidesA = [Side(a, labelA)],
            SidesB = [Side(b, labelB)],
            ProfileName = a.Load.ProfileName,
            MarkdownDirectory = directory,
            ChartStem = Path.GetFileNameWithoutExtension(outputPath),
            GeneratedAt = DateTimeOffset.UtcNow,
            Provenance = new ReportProvenance(evidence, "Reproduce: run both sides again (perf run --out, perf import-artillery or the perf tests), then compare the two reports:", command),
        });
    }

    private static (string A, string B) DefaultLabels(ComparisonInput a, ComparisonInput b)
    {
        var (labelA, labelB) = (a.DefaultLabel, b.DefaultLabel);
        if (labelA != labelB)
        {
            return (labelA, labelB);
        }

        var (fileA, fileB) = (Path.GetFileNameWithoutExtension(a.Path), Path.GetFileNameWithoutExtension(b.Path));
        return fileA != fileB ? ($"{labelA} ({fileA})", $"{labelB} ({fileB})") : ("A", "B");
    }

    private static (string A, string B) ParseLabels(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(p => p.Length == 0) || parts[0] == parts[1])
        {
            throw new CliInputException($"--labels '{text}': give two different names separated by a comma, e.g. base,head");
        }

        return (parts[0], parts[1]);
    }
}
