using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Cli.Tests.Infrastructure;
using Perf.Reports;
using Perf.Reports.Comparison.Sections;
using Perf.Testing;

namespace Perf.Cli.Tests;

public class CompareCommandTests
{
    /// <summary>The sections of the perf tests' comparison report, in order; the experiments section appears only with experiment results.</summary>
    private static readonly string[] Sections =
    [
        "## What this run shows", "## Headline: the", "## Profile `", "## Environment", "## Configuration in force", "## Summary",
        "## Per scenario", "## Per request", "## Thresholds and checks", "## Evidence by job id", "## Charts",
        "## Recommendations (derived from the measurements)", "## Artifacts and how to reproduce",
    ];

    [Fact]
    public async Task PerfTestsReportsGiveTheFullReportWithItsCharts()
    {
        using var temp = new TempDirectory();
        var output = temp.File("out/smoke.md");

        var result = await CliHarness.RunAsync("compare", Fixtures.PerfTestsBaseline, Fixtures.PerfTestsOptimized, "--out", output);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var markdown = File.ReadAllText(output);
        markdown.Should().StartWith("# Load test comparison: baseline vs optimized — profile `smoke`");
        ShouldHaveSectionsInOrder(markdown);
        markdown.Should().NotContain(NumberText.NotMeasured).And.NotContain("measured the requests only")
            .And.Contain("| ids checked (client ledger) |").And.Contain("| maxmemory-policy | noeviction | allkeys-lru |")
            .And.Contain("`perf-tests-report-baseline-smoke.json` (perf tests' configuration run)");
        File.ReadAllBytes(Path.Combine(temp.Path, "out", "charts", "smoke-latency.png")).Should().NotBeEmpty();
        markdown.Should().Contain("](charts/smoke-host-cpu.png)");
        result.Output.Should().Contain($"report: {output}");
    }

    [Fact]
    public async Task HtmlOptionWritesTheSameReportAsOneSelfContainedFile()
    {
        using var temp = new TempDirectory();
        var output = temp.File("out/smoke.md");
        var html = temp.File("out/smoke.html");

        var result = await CliHarness.RunAsync("compare", Fixtures.PerfTestsBaseline, Fixtures.PerfTestsOptimized, "--out", output, "--html", html);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var page = File.ReadAllText(html);
        page.Should().Contain("<title>Load test comparison: baseline vs optimized").And.Contain("What this run shows")
            .And.Contain("src=\"data:image/png;base64,").And.NotContain("src=\"charts/");
        result.Output.Should().Contain($"html: {html}");
    }

    [Fact]
    public async Task PerfRunReportsSayWhatTheyDidNotMeasure()
    {
        using var temp = new TempDirectory();
        var (fast, slow) = (temp.File("fast.json"), temp.File("slow.json"));
        await RunAsync(temp, fast, "fast", delayMs: 0);
        await RunAsync(temp, slow, "slow", delayMs: 30);
        var output = temp.File("compare.md");

        var result = await CliHarness.RunAsync("compare", fast, slow, "--out", output);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var markdown = File.ReadAllText(output);
        markdown.Should().StartWith("# Load test comparison: fast vs slow");
        ShouldHaveSectionsInOrder(markdown);
        markdown.Should().Contain("> **fast measured the requests only:**").And.Contain("> **slow measured the requests only:**")
            .And.Contain("| host CPU avg | not measured | not measured |  |").And.Contain("| jobs lost | not measured | not measured |  |")
            .And.Contain("| ids checked (client ledger) | not measured | not measured |")
            .And.Contain("- fast: no audit: the input is the load engine's report only").And.Contain("| workers | not recorded | not recorded |")
            .And.Contain(EnvironmentSection.NotMeasuredByEngineReport + " (fast, slow)")
            .And.Contain("| GET / | fast |").And.Contain("| GET / | slow |");
        markdown.Should().MatchRegex(@"\| latency p50 \| [0-9.]+ ms \| [3-9][0-9.]+ ms \| ▲ (\+[0-9.]+ %|×[0-9.,]+ higher) worse \|", "the slow target answers 30 ms later");
        File.ReadAllBytes(Path.Combine(temp.Path, "charts", "compare-latency.png")).Should().NotBeEmpty();
        markdown.Should().Contain("- Queue lag over time (jobs not yet delivered to a worker): not drawn, neither report has these samples.");
    }

    [Fact]
    public async Task ArtilleryImportIsComparedWithTheFidelityItLacksStated()
    {
        using var temp = new TempDirectory();
        var imported = temp.File("artillery.json");
        var import = await CliHarness.RunAsync("import-artillery", Fixtures.ArtilleryRun, "--out", imported, "--profile", Fixtures.ArtilleryProfile);
        import.ExitCode.Should().Be(ExitCodes.Success, import.ToString());
        var engine = temp.File("engine.json");
        await RunAsync(temp, engine, label: null, delayMs: 0);
        var output = temp.File("report/artillery-vs-engine.md");

        var result = await CliHarness.RunAsync("compare", imported, engine, "--out", output, "--labels", "artillery,engine");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var markdown = File.ReadAllText(output);
        markdown.Should().StartWith("# Load test comparison: artillery vs engine");
        ShouldHaveSectionsInOrder(markdown);
        markdown.Should().Contain("> **What artillery's report cannot tell:**").And.Contain("> - Imported from Artillery's JSON")
            .And.Contain("`artillery.json` (Artillery's results via perf import-artillery)").And.Contain("`engine.json` (perf run report)")
            .And.Contain("| POST /payments | artillery | 107 |").And.Contain("| payment create and read back | artillery | 0 | – | – | – | – | – | – | none recorded |").And.Contain("| POST /payments | engine | not run |").And.NotContain("What engine's report cannot tell");
        markdown.Should().Contain("> **artillery measured the requests only:** its input is `artillery.json` (Artillery's results via perf import-artillery), ")
            .And.Contain("> **No phases in artillery:**").And.NotContain("Different schedules");
        markdown.Should().Contain("perf compare " + imported + " " + engine + " --out " + output + " --labels artillery,engine");
    }

    [Fact]
    public async Task LabelsDefaultToTheFileNamesWhenTheReportsShareAName()
    {
        using var temp = new TempDirectory();
        var (first, second) = (temp.File("first.json"), temp.File("second.json"));
        await RunAsync(temp, first, "same", delayMs: 0);
        File.Copy(first, second);

        var result = await CliHarness.RunAsync("compare", first, second, "--out", temp.File("same.md"));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        File.ReadAllText(temp.File("same.md")).Should().StartWith("# Load test comparison: same (first) vs same (second)");
    }

    [Theory]
    [InlineData("{\n  \"phases\": [,\n}", ":2: '(json)': not valid JSON")]
    [InlineData("[1, 2]", ": '(root)': must be an object (a report of perf run, perf import-artillery or the perf tests), found an array")]
    [InlineData("""{ "aggregate": {} }""", ": '(root)': unknown report kind: expected a report of perf run or perf import-artillery (fields 'phases' and 'totals')")]
    [InlineData("""{ "phases": [], "totals": {}, "target": "http://127.0.0.1/" }""", ": 'profileName': missing")]
    [InlineData("""{ "configuration": "baseline", "load": {} }""", ": 'profileName': missing")]
    public async Task MalformedReportExitsTwoNamingTheFileAndField(string json, string message)
    {
        using var temp = new TempDirectory();
        var input = temp.File("bad.json", json);
        var output = temp.File("out.md");

        var result = await CliHarness.RunAsync("compare", Fixtures.PerfTestsBaseline, input, "--out", output);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"perf compare: {input}{message}");
        File.Exists(output).Should().BeFalse();
    }

    [Theory]
    [InlineData("machine", null, "'machine': missing")]
    [InlineData("load.totals", null, "'load.totals': missing")]
    [InlineData("schemaVersion", 9, "'schemaVersion': 9 is not supported (this build reads 1)")]
    [InlineData("readyAfterSeconds", "soon", "'readyAfterSeconds': The JSON value could not be converted")]
    public async Task PerfTestsReportWithABrokenFieldExitsTwoNamingIt(string field, object? value, string message)
    {
        using var temp = new TempDirectory();
        var report = JsonNode.Parse(File.ReadAllText(Fixtures.PerfTestsOptimized))!.AsObject();
        var (parent, name) = field.Contains('.', StringComparison.Ordinal) ? (report[field.Split('.')[0]]!.AsObject(), field.Split('.')[1]) : (report, field);
        if (value is null)
        {
            parent.Remove(name);
        }
        else
        {
            parent[name] = JsonValue.Create(value);
        }

        var input = temp.File("broken.json", report.ToJsonString());

        var result = await CliHarness.RunAsync("compare", Fixtures.PerfTestsBaseline, input, "--out", temp.File("out.md"));

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"perf compare: {input}: {message}");
    }

    [Theory]
    [InlineData("--labels", "only-one", "--labels 'only-one': give two different names separated by a comma")]
    [InlineData("--labels", "same,same", "--labels 'same,same': give two different names separated by a comma")]
    public async Task BadLabelsExitTwo(string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync("compare", Fixtures.PerfTestsBaseline, Fixtures.PerfTestsOptimized, "--out", temp.File("out.md"), option, value);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain(message);
    }

    [Fact]
    public async Task MissingInputFileExitsTwoNamingIt()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("nope.json");

        var result = await CliHarness.RunAsync("compare", missing, Fixtures.PerfTestsOptimized, "--out", temp.File("out.md"));

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"perf compare: {missing}: '(file)': not found");
    }

    private static void ShouldHaveSectionsInOrder(string markdown)
    {
        var positions = Sections.Select(section => markdown.IndexOf(section, StringComparison.Ordinal)).ToList();
        positions.Should().NotContain(-1, "every section is written: " + string.Join(", ", Sections.Where(s => !markdown.Contains(s, StringComparison.Ordinal))));
        positions.Should().BeInAscendingOrder();
    }

    /// <summary>A short perf run against a local Kestrel target that answers after <paramref name="delayMs"/>, written with --out.</summary>
    private static async Task RunAsync(TempDirectory temp, string output, string? label, int delayMs)
    {
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/", async () =>
        {
            await Task.Delay(delayMs);
            return Results.Text("ok");
        }));
        var profile = temp.File($"{Path.GetFileNameWithoutExtension(output)}.yml", """
            config:
              target: "http://127.0.0.1:9"
              phases:
                - duration: 1
                  arrivalRate: 5
                  name: warm-up
                - duration: 2
                  arrivalRate: 20
                  name: sustained
              plugins:
                ensure:
                  thresholds:
                    - http.response_time.p99: 10000
            scenarios:
              - name: compare-fixture
                flow:
                  - get: { url: "/" }
            """);
        string[] labelArgs = label is null ? [] : ["--label", label];
        var run = await CliHarness.RunAsync(["run", profile, "--target", target.Address.ToString(), "--out", output, .. labelArgs]);
        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
    }
}
