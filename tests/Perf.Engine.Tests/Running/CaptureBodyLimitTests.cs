using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

/// <summary>
/// A request with captures reads at most <see cref="HttpSettings.MaxCaptureBodyBytes"/> of its body: a longer one is
/// error <c>bodyTooLarge</c> whether its length is declared or it is sent in chunks, and nothing is captured from it.
/// </summary>
public class CaptureBodyLimitTests
{
    private const int Limit = 4096;

    [Theory]
    [InlineData("/declared")]
    [InlineData("/chunked")]
    public async Task ABodyOverTheLimitIsRefusedAndNothingIsCaptured(string path)
    {
        var followUps = 0;
        await using var server = await StartServerAsync(() => Interlocked.Increment(ref followUps));
        var profile = TestProfiles.Single(server.Address, 1, 4, flow => flow
            .Get(path + "?size=" + (Limit * 4), r => r.Capture("$.id", "id"))
            .Get("/next/{{ id }}"));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Limited, guard.Token);

        report.Cancelled.Should().BeFalse();
        var big = report.Requests.Single(r => r.Url.StartsWith(path, StringComparison.Ordinal)).Stats;
        big.Requests.Should().Be(4);
        big.Errors.Should().Equal(new Dictionary<string, long> { ["bodyTooLarge"] = 4 });
        report.GetScenario("main").VusersFailed.Should().Be(4, "a refused body ends the virtual user like a failed capture");
        followUps.Should().Be(0, "no id was captured to send on");
    }

    [Theory]
    [InlineData("/declared")]
    [InlineData("/chunked")]
    public async Task ABodyOfExactlyTheLimitIsCaptured(string path)
    {
        var followUps = 0;
        await using var server = await StartServerAsync(() => Interlocked.Increment(ref followUps));
        var profile = TestProfiles.Single(server.Address, 1, 4, flow => flow
            .Get(path + "?size=" + Limit, r => r.Capture("$.id", "id"))
            .Get("/next/{{ id }}"));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Limited, guard.Token);

        report.Cancelled.Should().BeFalse();
        report.Totals.ErrorCount.Should().Be(0);
        followUps.Should().Be(4);
    }

    [Fact]
    public void TheDefaultLimitIsOneMebibyte() => new HttpSettings().MaxCaptureBodyBytes.Should().Be(1024 * 1024);

    private static RunOptions Limited => BoundedRuns.Quiet with { Http = new HttpSettings { MaxCaptureBodyBytes = Limit } };

    /// <summary>
    /// <c>/declared?size=N</c> and <c>/chunked?size=N</c> answer a JSON object of exactly N bytes with an <c>id</c>, the
    /// first with a Content-Length, the second in 1 KiB chunks without one; <c>/next/{id}</c> counts the follow-ups.
    /// </summary>
    private static Task<LoopbackServer> StartServerAsync(Action followUp) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/declared", (int size) => Results.Bytes(Json(size), "application/json"));
        app.MapGet("/chunked", async (int size, HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            var body = Json(size);
            for (var offset = 0; offset < body.Length; offset += 1024)
            {
                await http.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(1024, body.Length - offset)));
                await http.Response.Body.FlushAsync();
            }
        });
        app.MapGet("/next/{id}", (string id) =>
        {
            followUp();
            return Results.Ok();
        });
    });

    /// <summary><c>{"id":"abc","pad":"xxx…"}</c>, padded to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Json(int size)
    {
        const string Head = "{\"id\":\"abc\",\"pad\":\"";
        const string Tail = "\"}";
        return Encoding.UTF8.GetBytes(Head + new string('x', size - Head.Length - Tail.Length) + Tail);
    }
}
