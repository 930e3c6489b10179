using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SystemUnderTest.Options;

namespace SystemUnderTest.Redis;

/// <summary>
/// <c>Redis__PoolSize</c> multiplexers handed out round-robin. One multiplexer already pipelines every caller over
/// one socket; more of them spread the write lock and the socket reader across cores (the knob under test).
/// </summary>
public sealed class RedisConnectionPool : IDisposable
{
    private readonly ConnectionMultiplexer[] _multiplexers;
    private int _next = -1;

    public RedisConnectionPool(IOptions<RedisOptions> options)
    {
        var value = options.Value;
        _multiplexers = new ConnectionMultiplexer[value.PoolSize];
        for (var i = 0; i < _multiplexers.Length; i++)
        {
            var configuration = ConfigurationOptions.Parse(value.ConnectionString);
            // Start even when Redis is down: /health must answer 503 instead of the process dying.
            configuration.AbortOnConnectFail = false;
            // The default exponential policy (5 s base) left workers disconnected for 15 s+ after a 5 s Redis outage;
            // a job system wants to be back within a couple of seconds of Redis.
            configuration.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 2000);
            // While disconnected, fail at once (the API answers 503 + Retry-After) instead of queueing every request
            // for the full timeout; the worker's loops back off and retry on their own.
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            configuration.ClientName ??= $"sut-{Environment.ProcessId}-{i}";
            _multiplexers[i] = ConnectionMultiplexer.Connect(configuration);
        }
    }

    public int Size => _multiplexers.Length;

    public IDatabase GetDatabase()
    {
        var index = (uint)Interlocked.Increment(ref _next) % (uint)_multiplexers.Length;
        return _multiplexers[index].GetDatabase();
    }

    public void Dispose()
    {
        foreach (var multiplexer in _multiplexers)
        {
            multiplexer.Dispose();
        }
    }
}
