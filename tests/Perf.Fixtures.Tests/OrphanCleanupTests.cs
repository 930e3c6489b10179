using System.Diagnostics;
using Docker.DotNet.Models;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;

namespace Perf.Fixtures.Tests;

/// <summary>
/// Cleanup removes a container only when the process that created it is gone: a second live process's containers
/// survive, a dead creator's and a reused pid's are removed, and the survivor goes once its creator ends.
/// </summary>
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class OrphanCleanupTests
{
    [Fact]
    public async Task ASecondLiveProcesssContainersSurviveWhileADeadCreatorsAreRemoved()
    {
        var image = PerfSettings.Current.Environment(EnvironmentPresets.Baseline).RedisImage;
        using var docker = new DockerGateway();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var living = StartSleeper();
        var livingCreator = ProcessIdentity.Of(living.Id)!;
        ProcessIdentity deadCreator;
        using (var ended = StartSleeper())
        {
            deadCreator = ProcessIdentity.Of(ended.Id)!;
            ended.Kill();
            await ended.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // The precondition, checked as cleanup checks it: the killed creator has left the process table (until it is
        // reaped its /proc entry, start ticks included, is still there).
        await Eventually.WaitAsync("the killed creator to leave the process table", TimeSpan.FromSeconds(10),
            _ => Task.FromResult(!deadCreator.IsAlive()), ct: TestContext.Current.CancellationToken);

        var names = new
        {
            Live = $"perftests-live-{suffix}-redis",
            Dead = $"perftests-dead-{suffix}-redis",
            Reused = $"perftests-reused-{suffix}-redis",
        };
        var ids = new List<string>();
        try
        {
            ids.Add(await StartContainerAsync(docker, image, names.Live, ContainerLabels.ForRun($"live-{suffix}", livingCreator)));
            ids.Add(await StartContainerAsync(docker, image, names.Dead, ContainerLabels.ForRun($"dead-{suffix}", deadCreator)));

            // The living process's pid with other start ticks: what a creator's pid looks like once another process has it.
            ids.Add(await StartContainerAsync(docker, image, names.Reused,
                ContainerLabels.ForRun($"reused-{suffix}", livingCreator with { StartTicks = livingCreator.StartTicks + 1 })));

            var removed = await docker.RemoveOrphansAsync(CancellationToken.None);

            removed.Should().Contain([names.Dead, names.Reused]).And.NotContain(names.Live);
            (await ContainerNamedAsync(docker, names.Live)).Should().NotBeNull("its creator, another process, is alive");
            (await ContainerNamedAsync(docker, names.Live))!.State.Should().Be("running");
            (await ContainerNamedAsync(docker, names.Dead)).Should().BeNull();
            (await ContainerNamedAsync(docker, names.Reused)).Should().BeNull();

            living.Kill();
            await living.WaitForExitAsync(TestContext.Current.CancellationToken);
            (await docker.RemoveOrphansAsync(CancellationToken.None)).Should().Contain(names.Live, "its creator has ended now");
            (await ContainerNamedAsync(docker, names.Live)).Should().BeNull();
        }
        finally
        {
            if (!living.HasExited)
            {
                living.Kill();
            }

            foreach (var id in ids)
            {
                await docker.RemoveIfPresentAsync(id);
            }
        }
    }

    /// <summary>A second process of this machine, alive until killed.</summary>
    private static Process StartSleeper() => Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;

    /// <summary>A running Redis on no network (only its own loopback), labelled as <paramref name="labels"/> say.</summary>
    private static async Task<string> StartContainerAsync(DockerGateway docker, string image, string name, IReadOnlyDictionary<string, string> labels)
    {
        var id = (await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Name = name,
            Labels = new Dictionary<string, string>(labels),
            HostConfig = new HostConfig { NetworkMode = "none" },
        })).ID;
        await docker.Client.Containers.StartContainerAsync(id, new ContainerStartParameters());
        return id;
    }

    private static async Task<ContainerListResponse?> ContainerNamedAsync(DockerGateway docker, string name)
    {
        var all = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        return all.SingleOrDefault(c => c.Names.Any(n => n.TrimStart('/') == name));
    }
}
