using Perf.Fixtures;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>Adds one case's outcome to a memory-pressure artifact, keeping the cases other tests of the same run wrote.</summary>
internal static class MemoryPressureArtifact
{
    public static string Add(string path, string setup, string name, MemoryPressureOutcome outcome)
    {
        var writer = new ArtifactWriter("reliability");
        var outcomes = new Dictionary<string, MemoryPressureOutcome>(
            writer.Read<MemoryPressureReport>(path)?.Outcomes ?? new Dictionary<string, MemoryPressureOutcome>(), StringComparer.Ordinal)
        {
            [name] = outcome,
        };
        return writer.Write(path, new MemoryPressureReport(MemoryPressureReport.CurrentSchemaVersion, setup, outcomes));
    }
}
