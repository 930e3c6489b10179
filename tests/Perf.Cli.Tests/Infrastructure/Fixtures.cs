namespace Perf.Cli.Tests.Infrastructure;

/// <summary>
/// Files recorded on this machine, owned by the libraries' tests and linked here: Artillery's by tests/Perf.ArtilleryImport.Tests/Fixtures/record-artillery-fixtures.sh (Artillery 2.0.21 on Node 20); the
/// perf tests' configuration runs by the smoke perf tests (<c>PERF_PROFILE=smoke ./eng/test.sh --filter "Category=baseline|Category=optimized"</c>),
/// copied from artifacts/perf/comparison-results.
/// </summary>
internal static class Fixtures
{
    /// <summary>The fixture profile against the stand-in server: 230 virtual users, every request answered.</summary>
    public static string ArtilleryRun => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-run.json");

    /// <summary>The same profile with nothing listening: every request refused, so no latency summaries.</summary>
    public static string ArtilleryRefused => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-refused.json");

    /// <summary>The baseline configuration's smoke run as the perf tests wrote it (report-baseline-smoke.json).</summary>
    public static string PerfTestsBaseline => Path.Combine(AppContext.BaseDirectory, "Fixtures", "perf-tests-report-baseline-smoke.json");

    public static string PerfTestsOptimized => Path.Combine(AppContext.BaseDirectory, "Fixtures", "perf-tests-report-optimized-smoke.json");

    public static string ArtilleryProfile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-fixture-profile.yml");
}
