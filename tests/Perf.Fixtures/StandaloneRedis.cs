using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures;

/// <summary>
/// Just a Redis container (baseline settings, per-run password, the machine's network mode), for tests of the
/// system under test that run its code in-process. Removed on dispose, also after a failed start.
/// </summary>
public sealed class StandaloneRedis : IAsyncDisposable
{
    private readonly DockerGateway _docker = new();
    private RedisNode? _node;
    private INetwork? _network;

    private StandaloneRedis()
    {
    }

    /// <summary>For the test process, with the password (never log it).</summary>
    public string ConnectionString => _node?.HostConnectionString ?? throw new InvalidOperationException("Redis is not started.");

    public static async Task<StandaloneRedis> StartAsync(CancellationToken ct)
    {
        var settings = PerfSettings.Current.Environment(EnvironmentPresets.Baseline);
        var redis = new StandaloneRedis();
        try
        {
            await redis._docker.EnsureImageExistsAsync(settings.RedisImage, "PERF_REDIS_IMAGE", ct).ConfigureAwait(false);
            var runId = $"redis-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
            if (settings.Network == NetworkMode.Bridge)
            {
                redis._network = new NetworkBuilder().WithName($"perftests-{runId}").WithLabel(ContainerLabels.Owner, ContainerLabels.OwnerValue).Build();
                await redis._network.CreateAsync(ct).ConfigureAwait(false);
            }

            redis._node = RedisNode.Create(settings, runId, redis._network);
            await redis._node.Running.Container.StartAsync(ct).ConfigureAwait(false);
            return redis;
        }
        catch
        {
            await redis.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _docker.DisposeAndRemoveAsync(_node.Running).ConfigureAwait(false);
        }

        if (_network is not null)
        {
            await _network.DisposeAsync().ConfigureAwait(false);
        }

        _docker.Dispose();
    }
}
