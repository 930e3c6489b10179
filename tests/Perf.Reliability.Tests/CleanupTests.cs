using System.Diagnostics;
using Docker.DotNet.Models;
using Perf.Engine;
using Perf.Engine.Reporting;
using Perf.Fixtures;
using Perf.Fixtures.Containers;
using Perf.Model.Settings;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>Nothing is left behind: not by a cancelled run, not by a test that throws, not by a killed test process.</summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class CleanupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CancelledRunReturnsACancelledReportAndLeavesNoContainer()
    {
        var log = new TestLog(output);
        string runId;
        RunReport load;
        await using (var environment = await PerfEnvironment.StartAsync(ReliabilitySettings.Baseline("abort-run"), log.Write, TestContext.Current.CancellationToken))
        {
            runId = environment.RunId;
            using var abort = TestBound.Within(TimeSpan.FromSeconds(3));
            load = await new LoadRunner().RunAsync(FaultLoad.Jobs(environment.ApiBaseUrl), FaultLoad.Options("abort-run", log.Write), abort.Token);
            log.Write($"cancelled after {load.DurationSeconds:0.0} s of {FaultLoad.Jobs(environment.ApiBaseUrl).TotalDuration.TotalSeconds:0} s: {FaultLoad.Describe(load)}");
        }

        load.Cancelled.Should().BeTrue();
        load.DurationSeconds.Should().BeLessThan(15, "cancellation stops the 25 s profile early");
        load.Totals.Requests.Should().BeGreaterThan(0);
        (await DockerCensus.NamesStartingWithAsync(DockerCensus.RunPrefix(runId))).Should().BeEmpty("disposing removes every container of the run");
    }

    [Fact]
    public async Task ExceptionInTheTestBodyStillRemovesTheRunsContainers()
    {
        var log = new TestLog(output);
        string? runId = null;
        var running = new List<string>();
        var settings = ReliabilitySettings.Baseline("throwing-test");

        var act = async () =>
        {
            var environment = await PerfEnvironment.StartAsync(settings, log.Write, TestContext.Current.CancellationToken);
            try
            {
                runId = environment.RunId;
                running.AddRange(await DockerCensus.NamesStartingWithAsync(DockerCensus.RunPrefix(runId)));
                throw new InvalidOperationException("simulated failure in a test body after the environment started");
            }
            finally
            {
                await environment.DisposeAsync();
            }
        };

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("simulated failure*");
        // Redis, the API and the workers, plus MongoDB when it is the store (PERF_STORE): what this machine's settings start.
        string[] roles = ["redis", "api", .. Enumerable.Repeat("worker", settings.WorkerCount), .. settings.Store == StoreKind.Mongo ? new[] { "mongo" } : []];
        running.Should().HaveCount(roles.Length, "{0} were running when the body threw", string.Join(", ", roles));
        running.Should().Contain(name => name.EndsWith("-redis", StringComparison.Ordinal)).And.Contain(name => name.EndsWith("-api", StringComparison.Ordinal));
        running.Count(name => name.Contains("-worker", StringComparison.Ordinal)).Should().Be(settings.WorkerCount);
        running.Count(name => name.EndsWith("-mongo", StringComparison.Ordinal)).Should().Be(settings.Store == StoreKind.Mongo ? 1 : 0);
        (await DockerCensus.NamesStartingWithAsync(DockerCensus.RunPrefix(runId!))).Should().BeEmpty();
    }

    [Fact]
    public async Task NextStartRemovesLeftoversOfAKilledRunButNotOthersContainers()
    {
        var log = new TestLog(output);
        var settings = ReliabilitySettings.Baseline("after-kill");
        using var docker = new DockerGateway();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var orphanNames = new[] { $"perftests-killed-{suffix}-redis", $"perftests-killed-{suffix}-api" };
        var foreignName = $"not-perftests-{suffix}";
        var liveName = $"perftests-live-{suffix}";
        var created = new List<string>();
        try
        {
            var deadPid = await DeadProcessIdAsync();
            foreach (var name in orphanNames)
            {
                created.Add(await CreateAsync(docker, settings.RedisImage, name, new Dictionary<string, string>
                {
                    [ContainerLabels.Owner] = ContainerLabels.OwnerValue,
                    [ContainerLabels.RunId] = $"killed-{suffix}",
                    [ContainerLabels.CreatorPid] = deadPid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [ContainerLabels.CreatorStart] = "0",
                }));
            }

            created.Add(await CreateAsync(docker, settings.RedisImage, foreignName, new Dictionary<string, string> { ["purpose"] = "not ours" }));
            // Labelled as ours but created by this (living) process: a concurrent run's container, which must survive.
            created.Add(await CreateAsync(docker, settings.RedisImage, liveName, new Dictionary<string, string>(ContainerLabels.ForRun($"live-{suffix}"))));

            await using (var environment = await PerfEnvironment.StartAsync(settings, log.Write, TestContext.Current.CancellationToken))
            {
                log.Write($"started {environment.RunId} after creating the leftovers");
            }

            foreach (var name in orphanNames)
            {
                (await DockerCensus.NamesStartingWithAsync(name)).Should().BeEmpty("{0} was left by a dead process", name);
            }

            (await DockerCensus.NamesStartingWithAsync(foreignName)).Should().ContainSingle("containers without our labels are never touched");
            (await DockerCensus.NamesStartingWithAsync(liveName)).Should().ContainSingle("a living creator's containers are not leftovers");
            log.Lines.Should().Contain(l => l.Contains("removed 2 container(s) left by an earlier, killed run", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var id in created)
            {
                await docker.RemoveIfPresentAsync(id);
            }
        }
    }

    private static async Task<string> CreateAsync(DockerGateway docker, string image, string name, IDictionary<string, string> labels) =>
        (await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Name = name,
            Labels = labels,
            HostConfig = new HostConfig { NetworkMode = "none" },
        })).ID;

    /// <summary>The pid of a process that has certainly exited (a real pid, unlike a made-up number that may be in use).</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
