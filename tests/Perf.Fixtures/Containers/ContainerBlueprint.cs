using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using Perf.Model.Settings;

namespace Perf.Fixtures.Containers;

/// <summary>
/// The part every container of the suite shares: the run's name prefix and labels (for cleanup), no pulls, and the
/// network mode. In host mode Docker must not get port bindings (it drops them and the start times out), and
/// <c>WithNetwork("host")</c> does not do it: the create parameters are changed instead. In bridge mode published
/// ports listen on 127.0.0.1 only (<see cref="LoopbackPorts.BindPublishedPorts"/>).
/// </summary>
/// <example><c>ContainerBlueprint.ForRun(runId).On(NetworkMode.Bridge, network).Build(image, "api")</c></example>
public sealed record ContainerBlueprint
{
    private ContainerBlueprint(string runId) => RunId = runId;

    public string RunId { get; }

    public NetworkMode Mode { get; private init; } = NetworkMode.Host;

    /// <summary>The bridge network the containers join (bridge mode only).</summary>
    public INetwork? Network { get; private init; }

    /// <summary>Containers of one run: named <c>perftests-{runId}-{alias}</c> and labelled with the run; host networking until <see cref="On"/> says otherwise.</summary>
    public static ContainerBlueprint ForRun(string runId) => new(runId);

    /// <summary>The network the containers use; bridge mode needs the network they join.</summary>
    public ContainerBlueprint On(NetworkMode mode, INetwork? network) => mode == NetworkMode.Host
        ? this with { Mode = mode, Network = null }
        : this with { Mode = mode, Network = network ?? throw new ArgumentNullException(nameof(network), "bridge networking needs the network to join") };

    /// <summary>A builder for one container of the run; in bridge mode <paramref name="alias"/> is also its name on the network.</summary>
    public ContainerBuilder Build(string image, string alias)
    {
        var builder = new ContainerBuilder(image)
            .WithName($"perftests-{RunId}-{alias}")
            .WithLabel(ContainerLabels.ForRun(RunId))
            .WithImagePullPolicy(PullPolicy.Never)
            .WithCleanUp(true);

        return Mode == NetworkMode.Host
            ? builder.WithCreateParameterModifier(p => p.HostConfig!.NetworkMode = "host")
            : builder.WithNetwork(Network!).WithNetworkAliases(alias)
                .WithCreateParameterModifier(LoopbackPorts.BindPublishedPorts);
    }
}
