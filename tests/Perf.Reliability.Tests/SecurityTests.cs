using System.Net;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Perf.Engine;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Metrics;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Perf.Reliability.Tests.Infrastructure;
using StackExchange.Redis;

namespace Perf.Reliability.Tests;

/// <summary>Redis needs its per-run password and listens on loopback; the password leaks nowhere; the API bounds bodies and slow clients.</summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class SecurityTests(SecurityEnvironmentFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityEnvironmentFixture>
{
    [Theory]
    [InlineData(EnvironmentPresets.Baseline)]
    [InlineData(EnvironmentPresets.Optimized)]
    public async Task RedisRefusesClientsWithoutThePasswordAndListensOnLoopback(string preset)
    {
        var settings = preset == EnvironmentPresets.Baseline ? ReliabilitySettings.Baseline("sec-redis") : ReliabilitySettings.Optimized("sec-redis");
        var runId = $"sec-redis-{preset}-{Guid.NewGuid().ToString("N")[..6]}";
        using var docker = new DockerGateway();
        INetwork? network = null;
        if (settings.Network == NetworkMode.Bridge)
        {
            network = new NetworkBuilder().WithName($"perftests-{runId}").WithLabel(ContainerLabels.Owner, ContainerLabels.OwnerValue).Build();
            await network.CreateAsync(TestContext.Current.CancellationToken);
        }

        var node = RedisNode.Create(settings, runId, network);
        try
        {
            await node.Running.Container.StartAsync(TestContext.Current.CancellationToken);

            var anonymous = await RawRedis.SendAsync(node.HostPort, "PING");
            var wrong = await RawRedis.SendAsync(node.HostPort, "AUTH not-the-password");
            await using var admin = await ConnectionMultiplexer.ConnectAsync(node.HostConnectionString + ",allowAdmin=true");
            var server = admin.GetServers().First();
            var bind = (await server.ConfigGetAsync("bind")).Single().Value;
            output.WriteLine($"{preset}: PING without AUTH -> {anonymous}; wrong password -> {wrong}; bind {bind}");

            anonymous.Should().StartWith("-NOAUTH", "an unauthenticated client must be refused");
            wrong.Should().StartWith("-WRONGPASS");
            node.Password.Should().HaveLength(32, "each run gets a random 128-bit password");
            (await admin.GetDatabase().PingAsync()).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero, "the run's password works");
            if (settings.Network == NetworkMode.Host)
            {
                bind.Should().Be("127.0.0.1", "in host networking Redis shares the machine's interfaces and must listen on loopback only");
            }
        }
        finally
        {
            var id = node.Running.Container.Id;
            await node.Running.Container.DisposeAsync();
            await docker.RemoveIfPresentAsync(id);
            if (network is not null)
            {
                await network.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PasswordIsInNoContainerInspectionAndNoProcessCommandLine()
    {
        var environment = fixture.Environment;
        var password = ConfigurationOptions.Parse(environment.RedisConnectionString).Password;
        password.Should().NotBeNullOrEmpty();

        // What `docker inspect` shows of every container the suite started: command, arguments, environment, labels, mounts.
        using var docker = new DockerGateway();
        var inspections = new List<(string Container, string Json)>();
        foreach (var container in environment.Containers)
        {
            var inspection = await docker.Client.Containers.InspectContainerAsync(container.Id, TestContext.Current.CancellationToken);
            inspections.Add((container.DisplayName, System.Text.Json.JsonSerializer.Serialize(inspection)));
        }

        // Every process on the host, the containers' included (they share its process table): its command line, and its
        // environment where this process may read it.
        var processes = new List<(string Process, string Text)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            foreach (var file in new[] { "cmdline", "environ" })
            {
                try
                {
                    var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, file))).Replace('\0', ' ');
                    // A leak is named without the secret itself, so a failing test does not print the password.
                    var label = file == "cmdline" ? text.Replace(password, "<password>", StringComparison.Ordinal) : "(environment)";
                    processes.Add(($"{directory}/{file}: {label}", text));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The process ended, or its environment is not ours to read.
                }
            }
        }

        output.WriteLine($"inspected {inspections.Count} containers, read {processes.Count} command lines and environments of processes");
        inspections.Select(i => i.Container).Should().Contain(["redis", "api"]);
        inspections.Where(i => i.Container != "redis").Should().OnlyContain(i => i.Json.Contains(PerfEnvironment.ContainerPasswordFile, StringComparison.Ordinal),
            "the API and the workers read the password from a file copied in, named by Redis__PasswordFile");
        processes.Should().Contain(p => p.Process.Contains("redis-server", StringComparison.Ordinal), "Redis runs in the host's process table");
        inspections.Where(i => i.Json.Contains(password, StringComparison.Ordinal)).Select(i => $"docker inspect {i.Container}")
            .Concat(processes.Where(p => p.Text.Contains(password, StringComparison.Ordinal)).Select(p => p.Process))
            .Should().BeEmpty("the Redis password must be in no container's inspection and no process's command line or environment");
    }

    [Fact]
    public async Task PasswordAppearsInNoArtifactAndNoLogLine()
    {
        var environment = fixture.Environment;
        var log = new TestLog(output);
        var password = ConfigurationOptions.Parse(environment.RedisConnectionString).Password;
        password.Should().NotBeNullOrEmpty();
        var directory = Directory.CreateTempSubdirectory("perf-security-").FullName;
        try
        {
            // A short real run with every artifact the suite writes, into a private folder.
            var artifacts = new ArtifactWriter("security", directory);
            await using var collector = new MetricsCollector(environment);
            artifacts.Write(artifacts.MetricsPath("security", "before"), await collector.SnapshotAsync("before", TestContext.Current.CancellationToken));
            var profile = FaultLoad.Jobs(environment.ApiBaseUrl, timeScale: 0.1);
            var ledger = FaultLoad.NewLedger(profile);
            var load = await new LoadRunner().RunAsync(profile, FaultLoad.Options("security", log.Write, ledger), TestContext.Current.CancellationToken);
            var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load), TestContext.Current.CancellationToken);
            var audit = await JobAuditor.AuditAsync(environment, FaultLoad.Ids(ledger), jobs, ledgerFile: null, TestContext.Current.CancellationToken);
            artifacts.Write(artifacts.MetricsPath("security", "after"), await collector.SnapshotAsync("after", TestContext.Current.CancellationToken));
            artifacts.Write(artifacts.ReportPath("security"), new { Settings = environment.Settings.Redacted(), environment.Unavailable, Load = load, Jobs = jobs });

            var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToList();
            var containerLogs = await Task.WhenAll(environment.Containers.Select(c => c.TailLogAsync(10_000)));
            var leaks = files.Where(f => File.ReadAllText(f).Contains(password, StringComparison.Ordinal)).Select(f => $"file {f}")
                .Concat(fixture.LogLines.Concat(log.Lines).Where(l => l.Contains(password, StringComparison.Ordinal)).Select(l => $"log line {l}"))
                .Concat(environment.Containers.Zip(containerLogs).Where(p => p.Second.Contains(password, StringComparison.Ordinal)).Select(p => $"container log {p.First.DisplayName}"))
                .ToList();
            output.WriteLine($"scanned {files.Count} artifact files, {fixture.LogLines.Count + log.Lines.Count} log lines, {containerLogs.Length} container logs");

            files.Should().HaveCount(3);
            audit.Breaches().Should().BeEmpty("every accepted id of the run has exactly one outcome");
            leaks.Should().BeEmpty("the Redis password must never be written to an artifact or a log");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task BodyOverTheLimitGets413WithProblemDetails()
    {
        using var client = new HttpClient { BaseAddress = fixture.Environment.ApiBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        using var content = new StringContent($"{{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c\",\"description\":\"{new string('d', 65_536)}\"}}",
            Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("payments", UriKind.Relative), content, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task StalledRequestBodyIsCutOffByTheServer()
    {
        // The client would wait 30 s; the server's request timeouts must end the request well before that.
        var (statusLine, elapsed) = await SlowBodyRequest.SendAsync(fixture.Environment.ApiBaseUrl, TimeSpan.FromSeconds(30));

        output.WriteLine($"stalled body: '{statusLine}' after {elapsed.TotalSeconds:0.0} s");
        statusLine.Should().NotBeNull("the server must not hold a stalled request open for as long as the client likes");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "Api__RequestTimeoutMs (10 s by default) or Kestrel's body data rate must fire first");
    }
}
