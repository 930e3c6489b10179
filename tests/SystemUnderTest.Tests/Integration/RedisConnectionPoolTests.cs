using SystemUnderTest.Options;
using SystemUnderTest.Redis;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class RedisConnectionPoolTests(RedisFixture redis)
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task PoolSizeOpensThatManyMultiplexersAndRoundRobinsOverThem(int size)
    {
        await redis.ResetAsync();
        using var pool = new RedisConnectionPool(Microsoft.Extensions.Options.Options.Create(
            new RedisOptions { ConnectionString = redis.ConnectionString, PoolSize = size }));

        var multiplexers = Enumerable.Range(0, size * 3).Select(_ => pool.GetDatabase().Multiplexer).Distinct().ToList();

        multiplexers.Should().HaveCount(size);
        foreach (var multiplexer in multiplexers)
        {
            (await multiplexer.GetDatabase().PingAsync()).Should().BePositive();
        }
    }
}
