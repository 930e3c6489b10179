using Docker.DotNet.Models;
using Perf.Fixtures.Containers;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>Asks Docker (not Testcontainers' cached state) which containers exist, to prove what a run left behind.</summary>
internal static class DockerCensus
{
    /// <summary>Every container of a run is named perftests-{runId}-{role}.</summary>
    public static string RunPrefix(string runId) => $"perftests-{runId}-";

    public static async Task<IReadOnlyList<string>> NamesStartingWithAsync(string prefix)
    {
        using var docker = new DockerGateway();
        var all = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        return all.SelectMany(c => c.Names.Take(1)).Select(n => n.TrimStart('/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }
}
