namespace Perf.Cli.Tests.Infrastructure;

/// <summary>Files recorded on this machine by Fixtures/record-artillery-fixtures.sh (Artillery 2.0.21 on Node 20).</summary>
internal static class Fixtures
{
    /// <summary>The fixture profile against the stand-in server: 230 virtual users, every request answered.</summary>
    public static string ArtilleryRun => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-run.json");

    /// <summary>The same profile with nothing listening: every request refused, so no latency summaries.</summary>
    public static string ArtilleryRefused => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-refused.json");

    public static string ArtilleryProfile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-fixture-profile.yml");
}
