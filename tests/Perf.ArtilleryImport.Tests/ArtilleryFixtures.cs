namespace Perf.ArtilleryImport.Tests;

/// <summary>
/// Artillery's JSON as Artillery 2.0.21 (Node 20) wrote it on this machine, recorded by Fixtures/record-artillery-fixtures.sh;
/// the CLI's tests import the same files.
/// </summary>
internal static class ArtilleryFixtures
{
    /// <summary>The fixture profile against the stand-in server: 230 virtual users, every request answered.</summary>
    public static string ArtilleryRun => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-run.json");

    /// <summary>The same profile with nothing listening: every request refused, so no latency summaries.</summary>
    public static string ArtilleryRefused => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-2.0.21-refused.json");

    public static string ArtilleryProfile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery-fixture-profile.yml");
}
