using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SystemUnderTest.Options;

namespace SystemUnderTest.Tests.Unit;

public sealed class OptionsValidationTests
{
    [Fact]
    public void DefaultsAreValidAndMatchTheContract()
    {
        var provider = Services([]);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var redis = provider.GetRequiredService<IOptions<RedisOptions>>().Value;
        var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
        var worker = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var api = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
        (redis.ConnectionString, redis.PoolSize).Should().Be(("127.0.0.1:6379", 1));
        (store.Kind, store.MongoConnectionString, store.MongoDatabase, store.MongoMaxPoolSize)
            .Should().Be(("mongo", "mongodb://127.0.0.1:27017", "perf", 100));
        (worker.Concurrency, worker.SimulatedDownstreamMs, worker.FailureRate, worker.MaxDeliveries)
            .Should().Be((8, 20, 0.0, 3));
        (worker.ReclaimIdleMs, worker.BatchSize, worker.MaxPollDelayMs, worker.JobKeyRetentionSeconds).Should().Be((30_000, 32, 1_000, 1_800));
        worker.EffectiveConsumerName.Should().Contain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (api.BackpressureEnabled, api.BackpressureMaxLag, api.MaxBodyBytes, api.RequestTimeoutMs, api.AnalyticsCacheSeconds, api.IdempotencyTtlSeconds)
            .Should().Be((false, 5000L, 65_536, 10_000, 5, 1_800));
    }

    [Fact]
    public void SettingsBindFromSectionKeys()
    {
        var provider = Services(new()
        {
            ["Redis:PoolSize"] = "8",
            ["Store:Kind"] = "redis",
            ["Worker:Concurrency"] = "32",
            ["Worker:FailureRate"] = "0.25",
            ["Worker:ConsumerName"] = "w-1",
            ["Api:BackpressureEnabled"] = "true",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<IOptions<RedisOptions>>().Value.PoolSize.Should().Be(8);
        provider.GetRequiredService<IOptions<StoreOptions>>().Value.Kind.Should().Be("redis");
        var worker = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
        (worker.Concurrency, worker.FailureRate, worker.EffectiveConsumerName).Should().Be((32, 0.25, "w-1"));
        provider.GetRequiredService<IOptions<ApiOptions>>().Value.BackpressureEnabled.Should().BeTrue();
    }

    [Theory]
    [InlineData("Redis:ConnectionString", "", "Redis__ConnectionString")]
    [InlineData("Redis:ConnectionString", "127.0.0.1:6379,nonsense=1", "Redis__ConnectionString")]
    [InlineData("Redis:PoolSize", "0", "Redis__PoolSize must be between 1 and 64")]
    [InlineData("Redis:PoolSize", "65", "Redis__PoolSize must be between 1 and 64")]
    [InlineData("Store:Kind", "cassandra", "Store__Kind must be one of: mongo, redis")]
    [InlineData("Store:Kind", "Redis", "Store__Kind must be one of: mongo, redis")]
    [InlineData("Store:MongoConnectionString", "http://127.0.0.1", "Store__MongoConnectionString")]
    [InlineData("Store:MongoDatabase", " ", "Store__MongoDatabase")]
    [InlineData("Store:MongoMaxPoolSize", "0", "Store__MongoMaxPoolSize must be between 1 and 10000")]
    [InlineData("Worker:Concurrency", "0", "Worker__Concurrency must be between 1 and 1024")]
    [InlineData("Worker:SimulatedDownstreamMs", "-1", "Worker__SimulatedDownstreamMs must be between 0 and 60000")]
    [InlineData("Worker:FailureRate", "1.5", "Worker__FailureRate must be between 0 and 1")]
    [InlineData("Worker:FailureRate", "-0.1", "Worker__FailureRate must be between 0 and 1")]
    [InlineData("Worker:MaxDeliveries", "0", "Worker__MaxDeliveries must be between 1 and 100")]
    [InlineData("Worker:ReclaimIdleMs", "0", "Worker__ReclaimIdleMs must be between 1 and 86400000")]
    [InlineData("Worker:BatchSize", "0", "Worker__BatchSize must be between 1 and 1000")]
    [InlineData("Worker:MaxPollDelayMs", "0", "Worker__MaxPollDelayMs must be between 1 and 10000")]
    [InlineData("Worker:ConsumerName", "has space", "Worker__ConsumerName")]
    [InlineData("Redis:PasswordFile", "/nonexistent/redis-password", "Redis__PasswordFile '/nonexistent/redis-password' cannot be read")]
    [InlineData("Worker:JobKeyRetentionSeconds", "0", "Worker__JobKeyRetentionSeconds must be between 1 and 2592000")]
    [InlineData("Worker:JobKeyRetentionSeconds", "2592001", "Worker__JobKeyRetentionSeconds must be between 1 and 2592000")]
    [InlineData("Api:BackpressureMaxLag", "0", "Api__BackpressureMaxLag must be between 1 and 1000000000")]
    [InlineData("Api:MaxBodyBytes", "10", "Api__MaxBodyBytes must be between 64 and 16777216")]
    [InlineData("Api:RequestTimeoutMs", "0", "Api__RequestTimeoutMs must be between 10 and 600000")]
    [InlineData("Api:AnalyticsCacheSeconds", "-1", "Api__AnalyticsCacheSeconds must be between 0 and 86400")]
    [InlineData("Api:IdempotencyTtlSeconds", "0", "Api__IdempotencyTtlSeconds must be between 1 and 604800")]
    [InlineData("Api:IdempotencyTtlSeconds", "604801", "Api__IdempotencyTtlSeconds must be between 1 and 604800")]
    public void BadValueFailsValidationNamingTheSettingAndAllowedValues(string key, string value, string expected)
    {
        var provider = Services(new() { [key] = value });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void MongoSettingsAreNotCheckedWhenTheRedisStoreIsUsed()
    {
        var provider = Services(new() { ["Store:Kind"] = "redis", ["Store:MongoConnectionString"] = "not used" });
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSutOptions(configuration).BuildServiceProvider();
    }
}
