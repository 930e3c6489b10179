using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Perf.Fixtures;
using StackExchange.Redis;
using SystemUnderTest.Api;
using SystemUnderTest.Contracts;
using SystemUnderTest.Queue;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// Retention of a job's keys (docs/system-under-test.md, "Retention"): nothing of a job expires before its outcome,
/// everything does after it, and its idempotency record never goes before its job record, so a replay inside the
/// retention answers with the first id, even when the job waited longer than <c>Api__IdempotencyTtlSeconds</c>.
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class RetentionTests(RedisFixture redis)
{
    private const int RetentionSeconds = 60;
    private const int IdempotencyTtlSeconds = 1;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("0", "completed")]
    [InlineData("1", "failed")]
    public async Task JobKeysExpireOnlyAfterTheOutcomeAndAReplayWithinTheRetentionReturnsTheFirstId(string failureRate, string finalStatus)
    {
        await using var pipeline = await SutPipeline.StartAsync(
            redis,
            ("Worker:JobKeyRetentionSeconds", RetentionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Api:IdempotencyTtlSeconds", IdempotencyTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Worker:FailureRate", failureRate),
            ("Worker:MaxDeliveries", "1"));
        var database = pipeline.Database;
        var key = Guid.NewGuid().ToString();
        var record = RedisKeys.IdempotencyKey(JobQueue.PaymentsEndpoint, key);
        var id = await PostAsync(pipeline.Client, key, replayed: false);

        // Before the outcome: no key of the job has a TTL, and the record outlives its keepUntil while the job waits.
        (await TtlsAsync(database, RedisKeys.Job(id), record)).Should().AllSatisfy(ttl => ttl.Should().BeNull("nothing of a job expires before its outcome"));
        var keepUntil = (long)await database.HashGetAsync(record, RedisKeys.KeepUntilField);
        await Eventually.WaitAsync(
            $"the clock to pass the record's keepUntil ({keepUntil})",
            Deadline,
            _ => Task.FromResult(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > keepUntil),
            ct: TestContext.Current.CancellationToken);
        (await PostAsync(pipeline.Client, key, replayed: true)).Should().Be(id, "a job still waiting keeps its idempotency record past Api__IdempotencyTtlSeconds");

        await pipeline.StartWorkerAsync();
        await Eventually.WaitAsync(
            $"job {id} to be {finalStatus}",
            Deadline,
            async _ => (string?)await database.HashGetAsync(RedisKeys.Job(id), "status"),
            status => status == finalStatus,
            ct: TestContext.Current.CancellationToken);
        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        // After the outcome: the job's keys expire within the retention, and the record no sooner than the job record.
        string[] jobKeys = finalStatus == "completed"
            ? [RedisKeys.Job(id), RedisKeys.Outcome(id), RedisKeys.Result(id)]
            : [RedisKeys.Job(id), RedisKeys.Outcome(id)];
        var jobTtls = await TtlsAsync(database, jobKeys);
        jobTtls.Should().AllSatisfy(ttl => ttl.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(RetentionSeconds)));
        // Absolute expiry times (PEXPIRETIME), so the comparison does not depend on when each TTL was read.
        var recordExpiry = await ExpiryAsync(database, record);
        recordExpiry.Should().BeGreaterThan(0, "the record expires once its job has an outcome");
        recordExpiry.Should().BeGreaterThanOrEqualTo(await ExpiryAsync(database, RedisKeys.Job(id)), "the record must live at least as long as the job record it names");
        (await PostAsync(pipeline.Client, key, replayed: true)).Should().Be(id, "a replay within the retention answers with the first id");
    }

    /// <summary>
    /// The dead-letter stream keeps what failed within the retention, as long as the job records it names: the next dead
    /// letter trims the ones older than the retention, so the stream does not grow with every failure ever.
    /// </summary>
    [Fact]
    public async Task DeadLettersOlderThanTheRetentionAreTrimmedByTheNextOne()
    {
        const int shortRetentionSeconds = 1;
        await using var pipeline = await SutPipeline.StartAsync(
            redis,
            ("Worker:JobKeyRetentionSeconds", shortRetentionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Worker:FailureRate", "1"),
            ("Worker:MaxDeliveries", "1"));
        var database = pipeline.Database;
        var deadLetters = RedisKeys.DeadLetter(RedisKeys.PaymentsStream);
        await pipeline.StartWorkerAsync();

        var old = await pipeline.SubmitPaymentAsync(JobRequests.Payment);
        var oldEntry = await WaitForDeadLetterAsync(database, deadLetters, old);
        // Entry ids are Redis's clock in ms: wait on that clock until the first dead letter is older than the retention.
        var oldEntryMs = long.Parse(oldEntry.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.WaitAsync(
            $"Redis's clock to pass the first dead letter ({oldEntry}) by the retention",
            Deadline,
            async _ => (await database.Multiplexer.GetServers()[0].TimeAsync()).Subtract(DateTime.UnixEpoch).TotalMilliseconds > oldEntryMs + (shortRetentionSeconds * 1000),
            ct: TestContext.Current.CancellationToken);

        var recent = await pipeline.SubmitPaymentAsync(JobRequests.Payment);
        await WaitForDeadLetterAsync(database, deadLetters, recent);
        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        var left = (await database.StreamRangeAsync(deadLetters)).Select(entry => entry[JobFields.Id].ToString()).ToList();
        left.Should().Equal([recent], $"the dead letter of {old} is older than the retention and the next dead letter trims it");
        (await pipeline.CountersAsync()).Should().Contain(CounterNames.DeadLettered, 2);
    }

    /// <summary>Waits until the dead-letter stream holds an entry for job <paramref name="id"/>; returns that entry's id.</summary>
    private static async Task<string> WaitForDeadLetterAsync(IDatabase database, string deadLetters, string id) =>
        // The entry id as text, not StreamEntry.IsNull: a run saw FirstOrDefault's default entry pass as found, with an empty id.
        (await Eventually.WaitAsync(
            $"job {id} in {deadLetters}",
            Deadline,
            async _ => (await database.StreamRangeAsync(deadLetters)).Where(e => e[JobFields.Id] == id).Select(e => (string?)e.Id).FirstOrDefault(),
            entryId => !string.IsNullOrEmpty(entryId),
            ct: TestContext.Current.CancellationToken))!;

    /// <summary>The key's expiry as unix ms; -1 without a TTL, -2 when the key does not exist.</summary>
    private static async Task<long> ExpiryAsync(IDatabase database, string key) => (long)await database.ExecuteAsync("PEXPIRETIME", key);

    private static async Task<TimeSpan?[]> TtlsAsync(IDatabase database, params string[] keys) =>
        await Task.WhenAll(keys.Select(k => database.KeyTimeToLiveAsync(k)));

    private static async Task<string> PostAsync(HttpClient client, string key, bool replayed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments") { Content = JsonContent.Create(JobRequests.Payment) };
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Contains(IdempotencyKey.ReplayedHeaderName).Should().Be(replayed);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("id").GetString()!;
    }
}
