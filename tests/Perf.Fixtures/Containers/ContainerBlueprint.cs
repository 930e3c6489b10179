using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using Perf.Fixtures.Settings;

namespace Perf.Fixtures.Containers;

/// <summary>
/// The part every container of the suite shares: labels for cleanup, no pulls, and the network mode.
/// In host mode Docker must not get port bindings (it drops them and the start times out), and
/// <c>WithNetwork("host")</c> does not do it: the create parameters are changed instead.
/// </summary>
public static class ContainerBlueprint
{
    public static ContainerBuilder Create(
        string image, string name, string runId, NetworkMode mode, INetwork? network, string alias)
    {
        var builder = new ContainerBuilder(image)
            .WithName(name)
            .WithLabel(ContainerLabels.Owner, ContainerLabels.OwnerValue)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithCleanUp(true);
        foreach (var (key, value) in ContainerLabels.ForRun(runId))
        {
            builder = builder.WithLabel(key, value);
        }

        return mode == NetworkMode.Host
            ? builder.WithCreateParameterModifier(p => p.HostConfig!.NetworkMode = "host")
            : builder.WithNetwork(network ?? throw new ArgumentNullException(nameof(network))).WithNetworkAliases(alias);
    }
}
