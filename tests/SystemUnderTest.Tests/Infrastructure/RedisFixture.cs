using Perf.Fixtures;
using Perf.Fixtures.Settings;
using StackExchange.Redis;

namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>
/// One real Redis for the integration tests, started once per collection and always disposed. Where the server
/// comes from is decided in <see cref="CreateServerAsync"/> alone, so it can move to the suite's container class.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public const string Name = "Redis";

    private IRedisServer? _server;
    private ConnectionMultiplexer? _connection;

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("Redis fixture is not started.");

    public IDatabase Database => (_connection ?? throw new InvalidOperationException("Redis fixture is not started.")).GetDatabase();

    public async ValueTask InitializeAsync()
    {
        _server = await CreateServerAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
        if (_server is ExternalRedis)
        {
            // The tests empty the database between tests: on a Redis the suite did not start, only an empty database
            // may be used, so that what is flushed is only what these tests wrote.
            var server = _connection.GetServers()[0];
            var keys = await server.DatabaseSizeAsync(_connection.GetDatabase().Database);
            if (keys > 0)
            {
                throw new InvalidOperationException(
                    $"SUT_TEST_REDIS points at a Redis database that holds {keys} key(s); the integration tests empty their database " +
                    "between tests, so they use an external Redis only when its database is empty. Point SUT_TEST_REDIS at an empty " +
                    "database (for example ',defaultDatabase=15'), or unset it to let the tests start their own Redis container.");
            }
        }
    }

    /// <summary>
    /// Empties the database so that each test starts from nothing (tests of the collection run one by one). It holds
    /// only what these tests wrote: an external Redis is accepted only when its database was empty at start.
    /// </summary>
    public async Task<IDatabase> ResetAsync()
    {
        var server = _connection!.GetServers()[0];
        await server.FlushDatabaseAsync(Database.Database);
        return Database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The single place that decides where Redis comes from.</summary>
    private static async Task<IRedisServer> CreateServerAsync()
    {
        // An already running Redis (CI service, developer machine) wins; otherwise the suite's Redis container
        // (Testcontainers; host networking on 127.0.0.1 where dockerd runs without a bridge).
        var external = PerfSettings.Current.Tests.SutRedis;
        return external is null
            ? new ContainerRedis(await StandaloneRedis.StartAsync(TestContext.Current.CancellationToken))
            : new ExternalRedis(external);
    }

    private sealed class ContainerRedis(StandaloneRedis redis) : IRedisServer
    {
        public string ConnectionString => redis.ConnectionString;

        public ValueTask DisposeAsync() => redis.DisposeAsync();
    }

    private sealed class ExternalRedis(string connectionString) : IRedisServer
    {
        public string ConnectionString { get; } = connectionString;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
