using System.Reflection;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures.Tests;

/// <summary>
/// Bridge mode cannot run on a machine without a bridge network, so its port publishing is checked on the create
/// parameters: the containers exactly as the fixtures build them, their port bindings turned into Docker's form,
/// and their create-parameter modifiers applied the way Testcontainers applies them before the create call.
/// Nothing is created, but Testcontainers' Build() checks that a Docker endpoint answers, hence the trait.
/// </summary>
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class LoopbackPublishingTests
{
    private static readonly EnvironmentSettings Bridge = EnvironmentPresets.BaselineSettings() with { Network = NetworkMode.Bridge };

    [Fact]
    public void BridgeModeRedisPublishesItsPortOnLoopbackOnly()
    {
        var network = new NetworkBuilder().WithName("perftests-unit-bridge").Build();
        var redis = RedisNode.Create(Bridge, "unit", network).Running.Container;

        var parameters = CreateParameters(redis);

        parameters.HostConfig!.PortBindings.Should().ContainKey("6379/tcp");
        parameters.HostConfig!.PortBindings.Values.SelectMany(b => b).Should().OnlyContain(b => b.HostIP == "127.0.0.1");
    }

    [Fact]
    public void BridgeModeContainersOfTheBlueprintPublishOnLoopbackOnly()
    {
        var network = new NetworkBuilder().WithName("perftests-unit-bridge").Build();
        var api = ContainerBlueprint.ForRun("unit").On(NetworkMode.Bridge, network).Build(Bridge.SutImage, "api")
            .WithPortBinding(8080, assignRandomHostPort: true)
            .Build();

        var parameters = CreateParameters(api);

        parameters.HostConfig!.PortBindings.Should().ContainKey("8080/tcp");
        parameters.HostConfig!.PortBindings.Values.SelectMany(b => b).Should().OnlyContain(b => b.HostIP == "127.0.0.1");
    }

    [Fact]
    public void HostModeContainersGetNoPortBindings()
    {
        var redis = RedisNode.Create(Bridge with { Network = NetworkMode.Host }, "unit", network: null).Running.Container;

        var parameters = CreateParameters(redis);

        parameters.HostConfig!.NetworkMode.Should().Be("host");
        parameters.HostConfig!.PortBindings.Should().BeEmpty("host networking has nothing to publish; Redis binds 127.0.0.1 itself");
    }

    /// <summary>
    /// The create parameters' network and port part as Testcontainers 4.16 sends them: bindings "port/tcp" without a
    /// host IP (Docker's default is 0.0.0.0), then every parameter modifier. The configuration is private to
    /// Testcontainers, hence the reflection; if an upgrade renames it, this fails and says so.
    /// </summary>
    private static CreateContainerParameters CreateParameters(IContainer container)
    {
        var field = container.GetType().GetField("_configuration", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{container.GetType()} has no _configuration field: Testcontainers changed; update this test");
        var configuration = (IContainerConfiguration)field.GetValue(container)!;
        var parameters = new CreateContainerParameters
        {
            HostConfig = new HostConfig
            {
                PortBindings = (configuration.PortBindings ?? new Dictionary<string, string>()).ToDictionary(
                    binding => binding.Key.Contains('/', StringComparison.Ordinal) ? binding.Key : binding.Key + "/tcp",
                    binding => (IList<PortBinding>)[new PortBinding { HostPort = binding.Value == "0" ? string.Empty : binding.Value }]),
            },
        };
        foreach (var modify in configuration.ParameterModifiers ?? [])
        {
            modify(parameters);
        }

        return parameters;
    }
}
