using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class ApiHostTests(RedisFixture redis)
{
    [Fact]
    public async Task ApiLimitsComeFromTheApiSection()
    {
        await using var api = new SutApiFactory(SutSettings.For(redis, ("Api:MaxBodyBytes", "2048"), ("Api:RequestTimeoutMs", "1500")));
        using var client = api.CreateClient(); // starts the host

        api.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize.Should().Be(2048);
        var timeout = api.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value.DefaultPolicy!;
        timeout.Timeout.Should().Be(TimeSpan.FromMilliseconds(1500));
        timeout.TimeoutStatusCode.Should().Be(504);
    }

    [Fact]
    public async Task HealthReportsRedisStoreAndQueueWhenUp()
    {
        await redis.ResetAsync();
        await using var api = new SutApiFactory(SutSettings.For(redis));
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        body.GetProperty("status").GetString().Should().Be("healthy");
        body.GetProperty("redis").GetString().Should().Be("up");
        body.GetProperty("store").GetString().Should().Be("up");
        body.GetProperty("storeKind").GetString().Should().Be("redis");
        body.GetProperty("queue").GetProperty("pending").GetInt64().Should().Be(0);
    }
}
