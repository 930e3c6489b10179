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
    private readonly string _connectionString;
    private readonly string? _password;
    private int _next = -1;

    public RedisConnectionPool(IOptions<RedisOptions> options)
    {
        _connectionString = options.Value.ConnectionString;
        _password = RedisOptions.ReadPasswordFile(options.Value.PasswordFile);
        _multiplexers = new ConnectionMultiplexer[options.Value.PoolSize];
        for (var i = 0; i < _multiplexers.Length; i++)
        {
            _multiplexers[i] = ConnectionMultiplexer.Connect(Configuration(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public int Size => _multiplexers.Length;

    public IDatabase GetDatabase()
    {
        var index = (uint)Interlocked.Increment(ref _next) % (uint)_multiplexers.Length;
        return _multiplexers[index].GetDatabase();
    }

    /// <summary>
    /// A connection of its own for one caller that blocks inside Redis (XREADGROUP BLOCK): on a shared multiplexer
    /// every other command would queue behind the blocked one. Its timeout is the block time plus the usual margin.
    /// </summary>
    public async Task<ConnectionMultiplexer> ConnectBlockingAsync(int blockMs)
    {
        var configuration = Configuration("blocking");
        configuration.AsyncTimeout = blockMs + configuration.AsyncTimeout;
        configuration.SyncTimeout = blockMs + configuration.SyncTimeout;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public void Dispose()
    {
        foreach (var multiplexer in _multiplexers)
        {
            multiplexer.Dispose();
        }
    }

    private ConfigurationOptions Configuration(string suffix)
    {
        var configuration = ConfigurationOptions.Parse(_connectionString);
        if (_password is not null)
        {
            configuration.Password = _password;
        }

        // Start even when Redis is down: /health must answer 503 instead of the process dying.
        configuration.AbortOnConnectFail = false;
        // The default exponential policy (5 s base) left workers disconnected for 15 s+ after a 5 s Redis outage;
        // a job system wants to be back within a couple of seconds of Redis.
        configuration.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 2000);
        // While disconnected, fail at once (the API answers 503 + Retry-After) instead of queueing every request
        // for the full timeout; the worker's loops back off and retry on their own.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= $"sut-{Environment.ProcessId}-{suffix}";
        return configuration;
    }
}
