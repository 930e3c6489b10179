using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Perf.Fixtures;
using SystemUnderTest.Api;
using SystemUnderTest.Contracts;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class IdempotencyTests(RedisFixture redis)
{
    private const int TtlSeconds = 60;
    private static readonly object Payment = JobRequests.Payment;
    private static readonly object Notification = new { userId = "u-1", channel = "email", message = "hello" };

    [Fact]
    public async Task SameKeyTwiceCreatesOneJobAndReplaysTheOriginalResponse()
    {
        await using var pipeline = await StartAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(pipeline.Client, "/payments", Payment, key);
        using var second = await PostAsync(pipeline.Client, "/payments", Payment, key);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        (await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(body);
        second.Headers.Location.Should().Be(first.Headers.Location);
        first.Headers.Contains(IdempotencyKey.ReplayedHeaderName).Should().BeFalse();
        second.Headers.GetValues(IdempotencyKey.ReplayedHeaderName).Should().Equal("true");

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var metrics = await pipeline.Client.GetFromJsonAsync<JsonElement>("/metrics/jobs", cancellationToken: TestContext.Current.CancellationToken);
        metrics.GetProperty("accepted").GetInt64().Should().Be(1);
        metrics.GetProperty("idempotentReplays").GetInt64().Should().Be(1);
        (await pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream)).Should().Be(1);
        var record = RedisKeys.IdempotencyKey("payments", key);
        ((string?)await pipeline.Database.HashGetAsync(record, "jobId")).Should().Be(id);
        var ttl = await pipeline.Database.KeyTimeToLiveAsync(record);
        ttl.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(TtlSeconds));
    }

    [Fact]
    public async Task ConcurrentPostsWithOneKeyCreateExactlyOneJob()
    {
        const int Posts = 20;
        await using var pipeline = await StartAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, Posts).Select(_ => PostAsync(pipeline.Client, "/notifications", Notification, key)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Accepted);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()));
        ids.Distinct().Should().ContainSingle();
        responses.Count(r => r.Headers.Contains(IdempotencyKey.ReplayedHeaderName)).Should().Be(Posts - 1);
        (await pipeline.Database.StreamLengthAsync(RedisKeys.NotificationsStream)).Should().Be(1);
        var counters = await pipeline.CountersAsync();
        counters.Should().Contain(CounterNames.Accepted, 1).And.Contain(CounterNames.IdempotentReplays, Posts - 1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SameKeyWithADifferentBodyIsRejectedAndCreatesNothing()
    {
        await using var pipeline = await StartAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(pipeline.Client, "/payments", Payment, key);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;

        using var changed = await PostAsync(pipeline.Client, "/payments", new { amount = 99, currency = "EUR", customerId = "c-42" }, key);

        var problem = await changed.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").GetProperty(IdempotencyKey.HeaderName)[0].GetString().Should().Contain("different request body").And.Contain(id);
        (await pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream)).Should().Be(1);
        (await pipeline.CountersAsync()).Should().Contain(CounterNames.Accepted, 1).And.NotContainKey(CounterNames.IdempotentReplays);
    }

    [Fact]
    public async Task KeyIsScopedToItsEndpoint()
    {
        await using var pipeline = await StartAsync();
        var key = Guid.NewGuid().ToString();

        using var payment = await PostAsync(pipeline.Client, "/payments", Payment, key);
        using var notification = await PostAsync(pipeline.Client, "/notifications", Notification, key);

        payment.StatusCode.Should().Be(HttpStatusCode.Accepted);
        notification.StatusCode.Should().Be(HttpStatusCode.Accepted);
        notification.Headers.Contains(IdempotencyKey.ReplayedHeaderName).Should().BeFalse();
        (await pipeline.CountersAsync()).Should().Contain(CounterNames.Accepted, 2);
    }

    [Fact]
    public async Task WithoutAKeyEveryPostCreatesAJob()
    {
        await using var pipeline = await StartAsync();

        var first = await pipeline.SubmitPaymentAsync(Payment);
        var second = await pipeline.SubmitPaymentAsync(Payment);

        first.Should().NotBe(second);
        (await pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream)).Should().Be(2);
        (await pipeline.CountersAsync()).Should().Contain(CounterNames.Accepted, 2).And.NotContainKey(CounterNames.IdempotentReplays);
        var server = pipeline.Database.Multiplexer.GetServers()[0];
        server.Keys(pattern: "idem:*").Should().BeEmpty();
    }

    [Theory]
    [InlineData("has space", 1)]
    [InlineData("k", IdempotencyKey.MaxLength + 1)]
    public async Task MalformedKeyIsABadRequestNamingTheHeader(string text, int repeat)
    {
        await using var pipeline = await StartAsync();
        var key = string.Concat(Enumerable.Repeat(text, repeat));

        using var response = await PostAsync(pipeline.Client, "/notifications", Notification, key);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().Should().Be("Invalid Idempotency-Key header");
        problem.GetProperty("errors").GetProperty(IdempotencyKey.HeaderName)[0].GetString().Should().Be(IdempotencyKey.Describe());
        (await pipeline.CountersAsync()).Should().NotContainKey(CounterNames.Accepted);
    }

    /// <summary>
    /// The unknown outcome, made real: Redis holds the write (CLIENT PAUSE WRITE) past the API's command timeout, so
    /// the POST gets 503 while its script is still queued, and the script then commits. The retry with the same key
    /// finds that job instead of creating a second one.
    /// </summary>
    [Fact]
    public async Task RetryAfterAnUnknownCommitOutcomeFindsTheJobInsteadOfCreatingASecond()
    {
        await using var pipeline = await StartAsync(("Redis:ConnectionString", redis.ConnectionString + ",asyncTimeout=300,syncTimeout=300"));
        var key = Guid.NewGuid().ToString();
        await pipeline.SubmitPaymentAsync(Payment); // connects and loads the script before the pause
        await pipeline.Database.ExecuteAsync("CLIENT", "PAUSE", "1500", "WRITE");

        using var unknown = await PostAsync(pipeline.Client, "/payments", Payment, key);

        var problem = await unknown.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString().Should().Contain("retrying with the same Idempotency-Key is safe");
        problem.GetProperty("jobOutcome").GetString().Should().Be("unknown");
        unknown.Headers.RetryAfter.Should().NotBeNull();
        var retried = await Eventually.WaitAsync(
            "a retry with the same key to be accepted",
            TimeSpan.FromSeconds(20),
            _ => PostAsync(pipeline.Client, "/payments", Payment, key),
            r => r.StatusCode == HttpStatusCode.Accepted,
            ct: TestContext.Current.CancellationToken);
        using (retried)
        {
            retried.Headers.GetValues(IdempotencyKey.ReplayedHeaderName).Should().Equal("true");
            var id = (await retried.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetString();
            ((string?)await pipeline.Database.HashGetAsync(RedisKeys.IdempotencyKey("payments", key), "jobId")).Should().Be(id);
        }

        (await pipeline.CountersAsync()).Should().Contain(CounterNames.Accepted, 2, "one job without a key, one with it");
        (await pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream)).Should().Be(2);
    }

    /// <summary>
    /// The same unknown outcome without a key: the answer must not invite a blind retry (no Retry-After), must say the
    /// job may exist, and must point to the header that makes retrying safe. The paused script does commit afterwards.
    /// </summary>
    [Fact]
    public async Task WithoutAKeyTheUnknownOutcomeAnswerSaysTheJobMayExistAndInvitesNoRetry()
    {
        await using var pipeline = await StartAsync(("Redis:ConnectionString", redis.ConnectionString + ",asyncTimeout=300,syncTimeout=300"));
        await pipeline.SubmitPaymentAsync(Payment);
        await pipeline.Database.ExecuteAsync("CLIENT", "PAUSE", "1000", "WRITE");

        using var response = await pipeline.Client.PostAsJsonAsync("/payments", Payment, cancellationToken: TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().BeNull("without a key a retry cannot be matched to this request and may create a second job");
        problem.GetProperty("title").GetString().Should().Be("Job outcome unknown");
        problem.GetProperty("jobOutcome").GetString().Should().Be("unknown");
        problem.GetProperty("detail").GetString().Should().Contain("may or may not have been created").And.Contain(IdempotencyKey.HeaderName);
        await Eventually.WaitAsync("the paused enqueue to commit after the pause", TimeSpan.FromSeconds(10),
            _ => pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream), length => length == 2, ct: TestContext.Current.CancellationToken);
    }

    private Task<SutPipeline> StartAsync(params (string Key, string Value)[] overrides) =>
        SutPipeline.StartAsync(redis, [("Api:IdempotencyTtlSeconds", TtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. overrides]);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);
        return client.SendAsync(request);
    }
}
