using Docker.DotNet.Models;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures.Tests;

[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class StartFailureTests(ITestOutputHelper output)
{
    private static EnvironmentSettings Settings(string name) =>
        PerfSettings.Current.Environment(EnvironmentPresets.Baseline) with { ConfigurationName = name, StartTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task FailedStartReportsTheContainerLogAndLeavesNoContainer()
    {
        // Worker concurrency 0 is rejected by the SUT's option validation: the API container exits at start.
        var settings = Settings("failing-start") with { WorkerConcurrency = 0 };

        var act = () => PerfEnvironment.StartAsync(settings, output.WriteLine, TestContext.Current.CancellationToken);

        var failure = await act.Should().ThrowAsync<InvalidOperationException>();
        output.WriteLine(failure.Which.Message);
        failure.Which.Message.Should().Contain("Container 'api'").And.Contain("exited with code").And.Contain("Concurrency");
        (await ContainersNamedAsync("perftests-failing-start-")).Should().BeEmpty();
    }

    [Fact]
    public async Task MissingImageFailsFastNamingTheImageAndTheSetting()
    {
        var settings = Settings("missing-image") with { SutImage = "perftests/no-such-image:none" };

        var act = () => PerfEnvironment.StartAsync(settings, output.WriteLine, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain("perftests/no-such-image:none").And.Contain("PERF_SUT_IMAGE");
        (await ContainersNamedAsync("perftests-missing-image-")).Should().BeEmpty();
    }

    [Fact]
    public async Task LeftoversOfAKilledRunAreRemovedAndForeignContainersAreNot()
    {
        var image = Settings("orphans").RedisImage;
        using var docker = new DockerGateway();
        var orphanName = $"perftests-orphan-{Guid.NewGuid():N}";
        var foreignName = $"someone-elses-{Guid.NewGuid():N}";
        var orphan = await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Name = orphanName,
            Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = ContainerLabels.OwnerValue, [ContainerLabels.CreatorPid] = "999999" },
        }, TestContext.Current.CancellationToken);
        var foreign = await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = image, Name = foreignName }, TestContext.Current.CancellationToken);
        try
        {
            var removed = await docker.RemoveOrphansAsync(TestContext.Current.CancellationToken);

            removed.Should().Contain(orphanName);
            (await ContainersNamedAsync(orphanName)).Should().BeEmpty();
            (await ContainersNamedAsync(foreignName)).Should().ContainSingle("the suite never touches what it did not create");
        }
        finally
        {
            await docker.RemoveIfPresentAsync(foreign.ID);
            await docker.RemoveIfPresentAsync(orphan.ID);
        }
    }

    private static async Task<IList<ContainerListResponse>> ContainersNamedAsync(string prefix)
    {
        using var docker = new DockerGateway();
        var all = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        return all.Where(c => c.Names.Any(n => n.TrimStart('/').StartsWith(prefix, StringComparison.Ordinal))).ToList();
    }
}
