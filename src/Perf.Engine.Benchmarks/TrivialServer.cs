using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Perf.Engine.Benchmarks;

/// <summary>
/// The endpoint under benchmark: GET / answers "ok"; POST /jobs answers 202 with a fresh job id, as the SUT does, for
/// the client-ledger measurement; POST /v1/metrics drops an OTLP export. Runs in its own process so generator CPU is measured alone.
/// </summary>
internal static class TrivialServer
{
    public const string ReadyPrefix = "listening ";

    /// <summary>Accepts OTLP/HTTP metric exports (and drops them) for the <c>--telemetry otlp</c> measurement.</summary>
    public const string MetricsSinkPath = "/v1/metrics";

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.MapPost(MetricsSinkPath, () => Results.Ok());
        app.MapPost("/jobs", () => Results.Text($"{{\"id\":\"{Guid.NewGuid():N}\",\"status\":\"queued\"}}", "application/json", statusCode: 202));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine(ReadyPrefix + address);

        // The parent closes our stdin when it is done (or dies), which ends the server.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }
}
