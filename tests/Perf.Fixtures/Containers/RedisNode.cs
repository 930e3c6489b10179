using System.Globalization;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Perf.Model.Settings;

namespace Perf.Fixtures.Containers;

/// <summary>
/// A Redis container with a random per-run password and the configuration's file: a free loopback port in host
/// networking, the "redis" alias and a published port in bridge networking. Used by the whole environment and,
/// alone, by the SUT's integration tests.
/// </summary>
public sealed class RedisNode
{
    private const int BridgePort = 6379;

    private RedisNode(RunningContainer running, int listenPort, string password, NetworkMode mode)
    {
        Running = running;
        ListenPort = listenPort;
        Password = password;
        Mode = mode;
    }

    public RunningContainer Running { get; }

    public string Password { get; }

    public NetworkMode Mode { get; }

    /// <summary>The port Redis listens on inside its network namespace.</summary>
    public int ListenPort { get; }

    /// <summary>The port the test process connects to (host networking: the same; bridge: the published one).</summary>
    public int HostPort => Mode == NetworkMode.Host ? ListenPort : Running.Container.GetMappedPublicPort(BridgePort);

    /// <summary>For the test process (never log it: it carries the password).</summary>
    public string HostConnectionString => $"127.0.0.1:{HostPort},password={Password},abortConnect=false";

    /// <summary>
    /// For containers on the same network as Redis, without the password: they read it from a file copied in
    /// (Redis__PasswordFile), because an environment variable shows in <c>docker inspect</c>.
    /// </summary>
    public string NetworkConnectionString =>
        (Mode == NetworkMode.Host ? $"127.0.0.1:{ListenPort}" : $"redis:{BridgePort}") + ",abortConnect=false,connectTimeout=5000";

    public static RedisNode Create(EnvironmentSettings settings, string runId, INetwork? network)
    {
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var port = settings.Network == NetworkMode.Host ? LoopbackPorts.Next() : BridgePort;
        var config = RedisConfigText.Build(settings, port, password);
        var builder = ContainerBlueprint.ForRun(runId).On(settings.Network, network).Build(settings.RedisImage, "redis")
            .WithResourceMapping(System.Text.Encoding.UTF8.GetBytes(config), "/etc/redis/perf.conf")
            .WithCommand("/etc/redis/perf.conf")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"));
        if (settings.Network == NetworkMode.Bridge)
        {
            builder = builder.WithPortBinding(BridgePort.ToString(CultureInfo.InvariantCulture), assignRandomHostPort: true);
        }

        return new RedisNode(new RunningContainer("redis", ContainerRole.Redis, builder.Build()), port, password, settings.Network);
    }
}
