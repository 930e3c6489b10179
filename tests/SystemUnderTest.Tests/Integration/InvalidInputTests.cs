using System.Net;
using System.Net.Sockets;
using System.Text;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class InvalidInputTests(RedisFixture redis)
{
    private const int MaxBodyBytes = 1024;
    private const string Json = "application/json";

    public static TheoryData<string, string, string, string?, string?, HttpStatusCode> Cases() => new()
    {
        // name, method, path, content type, body, expected status
        { "malformed JSON", "POST", "/payments", Json, "{\"amount\": 1,", HttpStatusCode.BadRequest },
        { "empty body", "POST", "/payments", Json, "", HttpStatusCode.BadRequest },
        { "amount as string", "POST", "/payments", Json, "{\"amount\":\"12\",\"currency\":\"EUR\",\"customerId\":\"c\"}", HttpStatusCode.BadRequest },
        { "customerId as number", "POST", "/payments", Json, "{\"amount\":1,\"currency\":\"EUR\",\"customerId\":42}", HttpStatusCode.BadRequest },
        { "array body", "POST", "/payments", Json, "[]", HttpStatusCode.BadRequest },
        { "null body", "POST", "/notifications", Json, "null", HttpStatusCode.BadRequest },
        { "message as object", "POST", "/notifications", Json, "{\"userId\":\"u\",\"channel\":\"sms\",\"message\":{}}", HttpStatusCode.BadRequest },
        { "negative amount", "POST", "/payments", Json, "{\"amount\":-1,\"currency\":\"EUR\",\"customerId\":\"c\"}", HttpStatusCode.UnprocessableEntity },
        { "unknown currency", "POST", "/payments", Json, "{\"amount\":1,\"currency\":\"XXX\",\"customerId\":\"c\"}", HttpStatusCode.UnprocessableEntity },
        { "missing fields", "POST", "/payments", Json, "{}", HttpStatusCode.UnprocessableEntity },
        { "bad channel", "POST", "/notifications", Json, "{\"userId\":\"u\",\"channel\":\"fax\",\"message\":\"m\"}", HttpStatusCode.UnprocessableEntity },
        { "text/plain", "POST", "/payments", "text/plain", "{}", HttpStatusCode.UnsupportedMediaType },
        { "no content type", "POST", "/notifications", null, "{}", HttpStatusCode.UnsupportedMediaType },
        { "body over the limit", "POST", "/payments", Json, "{\"description\":\"" + new string('a', MaxBodyBytes) + "\"}", HttpStatusCode.RequestEntityTooLarge },
        { "id not hex", "GET", "/payments/not-an-id", null, null, HttpStatusCode.BadRequest },
        { "id too short", "GET", "/payments/abc123", null, null, HttpStatusCode.BadRequest },
        { "unknown id", "GET", "/payments/0123456789abcdef0123456789abcdef", null, null, HttpStatusCode.NotFound },
        { "unknown route", "GET", "/no-such-route", null, null, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputGetsTheRight4xxWithProblemDetails(
        string name, string method, string path, string? contentType, string? body, HttpStatusCode expected)
    {
        await redis.ResetAsync();
        await using var api = new SutApiFactory(SutSettings.For(redis, ("Api:MaxBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new(contentType);
            }
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(expected);
        if (expected == HttpStatusCode.UnprocessableEntity)
        {
            problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty(name);
        }

        (await redis.Database.StreamLengthAsync(SystemUnderTest.Contracts.RedisKeys.PaymentsStream)).Should().Be(0, "{0} must not enqueue", name);
    }

    [Fact]
    public async Task FieldRuleViolationsAreReportedPerField()
    {
        await redis.ResetAsync();
        await using var api = new SutApiFactory(SutSettings.For(redis));
        using var client = api.CreateClient();
        using var content = new StringContent(
            "{\"amount\":2000000,\"currency\":\"eur\",\"customerId\":\"bad id\",\"description\":\"" + new string('d', 257) + "\"}", Encoding.UTF8, Json);

        using var response = await client.PostAsync("/payments", content, TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("amount", "currency", "customerId", "description");
    }

    [Fact]
    public async Task UnreachableRedisGives503WithRetryAfterAndUnhealthy()
    {
        var port = ClosedLoopbackPort();
        var settings = SutSettings.For(redis);
        settings["Redis:ConnectionString"] = $"127.0.0.1:{port},connectTimeout=200,asyncTimeout=500,syncTimeout=500";
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();

        using var post = await client.PostAsync("/payments", new StringContent("{\"amount\":1,\"currency\":\"EUR\",\"customerId\":\"c\"}", Encoding.UTF8, Json), TestContext.Current.CancellationToken);
        await post.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        post.Headers.RetryAfter.Should().NotBeNull();

        var started = DateTime.UtcNow;
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5), "each health probe is bounded");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
