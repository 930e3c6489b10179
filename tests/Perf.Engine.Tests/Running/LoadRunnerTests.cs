using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

public class LoadRunnerTests
{
    private static readonly RunOptions Quiet = new() { ProgressInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task CapturedPaymentIdIsReadBack()
    {
        var created = new ConcurrentDictionary<string, string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/payments", async (HttpRequest request) =>
            {
                var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
                var id = Guid.NewGuid().ToString("N");
                created[id] = body.RootElement.GetProperty("currency").GetString()!;
                return Results.Json(new { id, status = "queued" }, statusCode: 202);
            });
            app.MapGet("/payments/{id}", (string id) => created.TryGetValue(id, out var currency)
                ? Results.Ok(new { id, currency })
                : Results.NotFound());
        });
        var profile = ProfileBuilder.Create("inline")
            .WithTarget(server.Address)
            .WithLoad(Load.ConstantRate(40, TimeSpan.FromSeconds(1)))
            .WithVariable("currency", "EUR", "USD")
            .WithScenario("pay", flow => flow
                .Post("/payments", new { amount = 12.5, currency = "{{ currency }}" }, r => r.Capture("$.id", "paymentId").Expect(202))
                .Get("/payments/{{ paymentId }}", r => r.Expect(200)))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Phases.Single().StartedArrivals.Should().Be(40);
        report.GetRequest("POST /payments").Stats.Status(202).Should().Be(40);
        report.GetRequest("GET /payments/{{ paymentId }}").Stats.Status(200).Should().Be(40);
        report.Totals.ErrorCount.Should().Be(0);
        report.GetScenario("pay").VusersCompleted.Should().Be(40);
        created.Values.Distinct().Should().BeSubsetOf(["EUR", "USD"]);
    }

    [Fact]
    public async Task UuidHeaderIsOneValuePerVirtualUser()
    {
        var keys = new ConcurrentBag<string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/payments", (HttpRequest request) =>
            {
                keys.Add(request.Headers["Idempotency-Key"].ToString());
                return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 202);
            });
            app.MapGet("/payments/{id}", (HttpRequest request) =>
            {
                keys.Add(request.Headers["Idempotency-Key"].ToString());
                return Results.Ok();
            });
        });
        var profile = ProfileLoader.Parse($$$"""
            config:
              target: "{{{server.Address}}}"
              phases: [{ duration: 1, arrivalRate: 20 }]
            scenarios:
              - flow:
                  - post:
                      url: "/payments"
                      headers: { Idempotency-Key: "{{ $uuid }}" }
                      json: { amount: 1 }
                      capture: { json: "$.id", as: paymentId }
                  - get:
                      url: "/payments/{{ paymentId }}"
                      headers: { Idempotency-Key: "{{ $uuid }}" }
            """, "uuid.yml");

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Totals.ErrorCount.Should().Be(0);
        keys.Should().HaveCount(40).And.OnlyContain(k => IsUuid(k));
        keys.GroupBy(k => k).Select(g => g.Count()).Should().HaveCount(20).And.AllBeEquivalentTo(2);
    }

    private static bool IsUuid(string text) => Guid.TryParseExact(text, "D", out _);

    [Fact]
    public async Task UnexpectedStatusFailsTheUserAndSkipsTheRestOfItsFlow()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/payments", () => Results.Json(new { id = "abc" }, statusCode: 201));
            app.MapGet("/payments/{id}", () => Results.Ok());
        });
        var profile = TestProfiles.Single(server.Address, 1, 10, flow => flow
            .Post("/payments", new { a = 1 }, r => r.Expect(202))
            .Get("/payments/x"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        var post = report.GetRequest("POST /payments").Stats;
        post.Errors.Should().Equal(new Dictionary<string, long> { ["expectationFailed"] = 10 });
        post.ErrorRatePercent.Should().Be(100);
        report.GetRequest("GET /payments/x").Stats.Requests.Should().Be(0);
        report.GetScenario("main").VusersFailed.Should().Be(10);
    }

    [Fact]
    public async Task MissingCaptureFailsTheUser()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/payments", () => Results.Json(new { status = "queued" }, statusCode: 202)));
        var profile = TestProfiles.Single(server.Address, 1, 5, flow => flow
            .Post("/payments", new { a = 1 }, r => r.Capture("$.id", "paymentId"))
            .Get("/payments/{{ paymentId }}"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["captureFailed"] = 5 });
        report.Totals.Requests.Should().Be(5);
    }

    [Fact]
    public async Task EachPhaseReportsTheRequestsOfItsOwnArrivals()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Ok());
            app.MapGet("/boom", () => Results.StatusCode(500));
        });
        var profile = ProfileLoader.Parse($$$"""
            config:
              target: "{{{server.Address}}}"
              phases:
                - { name: quiet, duration: 1, arrivalRate: 5 }
                - { name: busy, duration: 1, arrivalRate: 20 }
              plugins:
                ensure:
                  phases:
                    busy:
                      maxErrorRate: 0
            scenarios:
              - flow:
                  - get: { url: "/ok" }
                  - get: { url: "/boom" }
            """, "phases.yml");

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Phases.Select(p => p.Traffic!.Requests).Should().Equal(10, 40);
        report.Phases.Sum(p => p.Traffic!.Requests).Should().Be(report.Totals.Requests);
        report.Phases[1].Traffic!.StatusCodes.Should().Equal(new Dictionary<int, long> { [200] = 20, [500] = 20 });
        report.Phases[1].Traffic!.Latency.P99.Should().BeGreaterThan(0);
        report.Thresholds!.Breaches.Should().ContainSingle().Which.Scope.Should().Be("phase 'busy'");
    }

    [Fact]
    public async Task ServerErrorsAreCountedAndTheFlowGoesOn()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/boom", () => Results.StatusCode(503));
            app.MapGet("/missing", () => Results.NotFound());
        });
        var profile = TestProfiles.Single(server.Address, 1, 10, flow => flow.Get("/boom").Get("/missing"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Totals.StatusCodes.Should().Equal(new Dictionary<int, long> { [503] = 10, [404] = 10 });
        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["http4xx"] = 10, ["http5xx"] = 10 });
        report.Totals.ErrorRatePercent.Should().Be(100);
    }

    [Fact]
    public async Task SlowResponsesTimeOut()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            return Results.Ok();
        }));
        var profile = TestProfiles.Single(server.Address, 0.5, 10, flow => flow.Get("/slow"));

        var report = await new LoadRunner().RunAsync(profile, Quiet with { Http = new HttpSettings { RequestTimeout = TimeSpan.FromMilliseconds(200) } }, TestContext.Current.CancellationToken);

        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 5 });
        report.Totals.StatusCodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ClosedPortCountsAsConnectionRefused()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var profile = TestProfiles.Single(new Uri($"http://127.0.0.1:{port}"), 0.5, 10, flow => flow.Get("/"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["connectionRefused"] = 5 });
    }

    [Fact]
    public async Task CancellationStopsTheRunAndStillReports()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = TestProfiles.Single(server.Address, 60, 50, flow => flow.Get("/"));
        var options = new RunOptions
        {
            ProgressInterval = TimeSpan.FromSeconds(1),
            Progress = snapshot =>
            {
                if (snapshot.Requests >= 10)
                {
                    cancel.Cancel();
                }
            },
        };

        // The bound only keeps a broken cancellation from hanging the test run; it is not a timing assertion.
        var report = await new LoadRunner().RunAsync(profile, options, cancel.Token).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        report.Cancelled.Should().BeTrue();
        report.Totals.Requests.Should().BeGreaterThanOrEqualTo(10);
        report.Phases.Single().StartedArrivals.Should().BeLessThan(report.Phases.Single().TargetArrivals);
    }

    [Fact]
    public async Task ProgressObserverGetsSnapshots()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = TestProfiles.Single(server.Address, 2.5, 20, flow => flow.Get("/"));
        var snapshots = new ConcurrentQueue<ProgressSnapshot>();

        var report = await new LoadRunner().RunAsync(profile, new RunOptions { Progress = snapshots.Enqueue, ProgressInterval = TimeSpan.FromSeconds(1) }, TestContext.Current.CancellationToken);

        snapshots.Should().NotBeEmpty();
        snapshots.First().PhaseName.Should().Be("phase 1");
        snapshots.First().TargetRate.Should().Be(20);
        snapshots.First().ToString().Should().Contain("target 20/s");
        report.TimeSeries.Sum(p => p.Requests).Should().Be(report.Totals.Requests);
        report.TimeSeries.Sum(p => p.Arrivals).Should().Be(50);
    }

    [Fact]
    public async Task ReportSurvivesAJsonRoundTrip()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = TestProfiles.Single(server.Address, 0.5, 20, flow => flow.Get("/"));
        var report = await new LoadRunner().RunAsync(profile, Quiet with { Label = "baseline" }, TestContext.Current.CancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");

        RunReportJson.Write(path, report);
        var read = RunReportJson.Read(path);
        File.Delete(path);

        read.SchemaVersion.Should().Be(RunReport.CurrentSchemaVersion);
        read.Label.Should().Be("baseline");
        read.Should().BeEquivalentTo(report);
        RunReportJson.Serialize(report).Should().Contain("\"schemaVersion\": 1").And.Contain("\"statusCodes\": {");
    }
}
