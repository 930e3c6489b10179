using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>
/// The job pipeline on an emptied Redis: the API in memory with a client, and the worker host, built on first use
/// and started only when a test says so (some tests play a consumer themselves first).
/// </summary>
public sealed class SutPipeline : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly SutApiFactory _api;
    private IHost? _worker;

    private SutPipeline(IDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
        _api = new SutApiFactory(settings);
        Client = _api.CreateClient();
    }

    public IDatabase Database { get; }

    public HttpClient Client { get; }

    /// <summary>The worker role, same code as the process; not started until <see cref="StartWorkerAsync"/>.</summary>
    public IHost Worker => _worker ??= SutSettings.BuildWorker(_settings);

    /// <summary>Empties Redis and starts the API with the suite's settings and <paramref name="overrides"/>.</summary>
    public static async Task<SutPipeline> StartAsync(RedisFixture redis, params (string Key, string Value)[] overrides)
    {
        var database = await redis.ResetAsync();
        return new SutPipeline(database, SutSettings.For(redis, overrides));
    }

    public Task StartWorkerAsync() => Worker.StartAsync();

    /// <summary>Posts a payment, requires the 202 with the job's Location and returns the job id.</summary>
    public async Task<string> SubmitPaymentAsync(object payment)
    {
        using var response = await Client.PostAsJsonAsync("/payments", payment);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/payments/{id}");
        return id;
    }

    /// <summary>Payment entries read by a consumer and not yet acknowledged.</summary>
    public async Task<long> PendingPaymentsAsync() =>
        (await Database.StreamPendingAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup)).PendingMessageCount;

    public async Task<Dictionary<string, long>> CountersAsync() =>
        (await Database.HashGetAllAsync(RedisKeys.Counters)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);

    public async ValueTask DisposeAsync()
    {
        _worker?.Dispose();
        Client.Dispose();
        await _api.DisposeAsync();
    }
}
