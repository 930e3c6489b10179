using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;

namespace Perf.Fixtures.Containers;

/// <summary>
/// The Docker client Testcontainers itself uses (same endpoint, same API version), for what its builders do not
/// offer: an image check that never pulls, container stats, SIGKILL, and finding the suite's own leftovers.
/// </summary>
public sealed class DockerGateway : IDisposable
{
    public DockerGateway()
    {
        // Testcontainers leaves the endpoint null when no Docker engine answered any of its strategies.
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig
            ?? throw new InvalidOperationException(
                $"No Docker engine found (DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unset"}). Run 'bash eng/container-ready.sh' " +
                "and load its settings ('set -a; . eng/.perf-env; set +a'), or start Docker; ./eng/test.sh does both.");
        Client = endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();
    }

    public IDockerClient Client { get; }

    /// <summary>Fails fast, naming the image and the setting, when an image is not present locally (no pull is tried).</summary>
    public async Task EnsureImageExistsAsync(string image, string settingName, CancellationToken ct)
    {
        try
        {
            await Client.Images.InspectImageAsync(image, ct).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            throw new InvalidOperationException(
                $"Docker image '{image}' is not present and will not be pulled (this machine may have no registry). " +
                $"Build it with 'bash eng/container-ready.sh', or set {settingName} to an image that exists (docker images).");
        }
        catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"Docker image '{image}' is not present and will not be pulled. Build it with 'bash eng/container-ready.sh', " +
                $"or set {settingName} to an image that exists (docker images).", ex);
        }
    }

    public Task KillAsync(string containerId, CancellationToken ct) =>
        Client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = "SIGKILL" }, ct);

    /// <summary>Stops a container through Testcontainers, then removes it: without the Ryuk reaper, disposing only stops it.</summary>
    public async Task DisposeAndRemoveAsync(RunningContainer container)
    {
        var id = container.Container.Id;
        await container.Container.DisposeAsync().ConfigureAwait(false);
        if (!string.IsNullOrEmpty(id))
        {
            await RemoveIfPresentAsync(id).ConfigureAwait(false);
        }
    }

    public async Task RemoveIfPresentAsync(string containerId)
    {
        try
        {
            await Client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true })
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: nothing to clean.
        }
    }

    /// <summary>
    /// Removes containers labelled as this suite's whose creating process no longer runs: none runs with the labelled
    /// pid, start ticks and boot id (<see cref="ProcessIdentity"/>). Containers of any living run, in this process or
    /// another, stay.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveOrphansAsync(CancellationToken ct)
    {
        var containers = await Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Owner}={ContainerLabels.OwnerValue}"] = true },
                },
            },
            ct).ConfigureAwait(false);

        var removed = new List<string>();
        foreach (var container in containers)
        {
            if (ContainerLabels.CreatorIsAlive(container.Labels))
            {
                continue;
            }

            await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, ct)
                .ConfigureAwait(false);
            removed.Add(container.Names.FirstOrDefault()?.TrimStart('/') ?? container.ID[..12]);
        }

        return removed;
    }

    public void Dispose() => Client.Dispose();
}
