using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

public class ClientLedgerTests
{
    private static readonly RunOptions Quiet = new() { ProgressInterval = TimeSpan.FromHours(1) };
    private static readonly LedgerKey Jobs = new("POST /jobs", "jobId");

    [Fact]
    public async Task RecordsTheIdOfEveryAcceptedAnswerAndNoOther()
    {
        var accepted = new ConcurrentDictionary<string, bool>();
        var refused = new ConcurrentDictionary<string, bool>();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/jobs", () =>
        {
            var id = Guid.NewGuid().ToString("N");
            // Every fourth answer carries an id too, but with a status the step does not expect: not an accepted job.
            if (Interlocked.Increment(ref calls) % 4 == 0)
            {
                refused[id] = true;
                return Results.Json(new { id }, statusCode: 503);
            }

            accepted[id] = true;
            return Results.Json(new { id, status = "queued" }, statusCode: 202);
        }));
        var profile = TestProfiles.Single(server.Address, 1, 80,
            flow => flow.Post("/jobs", new { n = 1 }, request => request.Capture("$.id", "jobId").Expect(202)));
        var ledger = new ClientLedger([Jobs]);

        var report = await new LoadRunner().RunAsync(profile, Quiet with { Ledger = ledger }, TestContext.Current.CancellationToken);

        refused.Should().NotBeEmpty("the server refused some requests");
        ledger.Ids(Jobs).Should().BeEquivalentTo(accepted.Keys, "the ledger holds exactly the ids of the 202 answers");
        report.Ledger.Should().ContainSingle().Which.Should().Be(new Perf.Engine.Reporting.LedgerSummary("POST /jobs", "jobId", accepted.Count, 0));
        report.GetRequest("POST /jobs").Stats.Status(202).Should().Be(accepted.Count);
    }

    [Fact]
    public async Task KeyThatNamesNoCapturingRequestIsAnErrorNamingTheCaptures()
    {
        var profile = TestProfiles.Single(new Uri("http://127.0.0.1:9"), 1, 1, flow => flow.Post("/jobs", configure: request => request.Capture("$.id", "jobId")));
        var ledger = new ClientLedger([new LedgerKey("POST /jobs", "id")]);

        var act = () => new LoadRunner().RunAsync(profile, Quiet with { Ledger = ledger });

        (await act.Should().ThrowAsync<ArgumentException>())
            .WithMessage("*key 'POST /jobs -> id' names no request*captures 'id'*POST /jobs -> jobId*");
    }

    [Fact]
    public async Task LedgerRecordsOneRunOnly()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/jobs", () => Results.Json(new { id = "a" }, statusCode: 202)));
        var profile = TestProfiles.Single(server.Address, 0.2, 10, flow => flow.Post("/jobs", configure: request => request.Capture("$.id", "jobId")));
        var ledger = new ClientLedger([Jobs]);
        await new LoadRunner().RunAsync(profile, Quiet with { Ledger = ledger }, TestContext.Current.CancellationToken);

        var again = () => new LoadRunner().RunAsync(profile, Quiet with { Ledger = ledger });

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already recorded a run*");
    }

    [Fact]
    public void ConcurrentAddsAcrossChunksKeepEveryValue()
    {
        var recorder = new LedgerRecorder();
        const int Threads = 8;
        const int PerThread = 12_500;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                recorder.Add($"{thread}-{i}");
            }
        });

        recorder.Count.Should().Be(Threads * PerThread);
        recorder.Dropped.Should().Be(0);
        recorder.Values().Should().OnlyHaveUniqueItems().And.HaveCount(Threads * PerThread);
    }

    [Fact]
    public void WrittenLedgerReadsBackKeyByKey()
    {
        var notifications = new LedgerKey("POST /notifications", "notificationId");
        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.txt.gz");
        try
        {
            var ledger = ClientLedgerFile(path, (Jobs, ["a1", "a2"]), (notifications, ["n1"]));

            var read = ClientLedger.Read(ledger);

            read.Keys.Should().Equal(Jobs, notifications);
            read.Ids(Jobs).Should().Equal("a1", "a2");
            read.Ids(notifications).Should().Equal("n1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedLedgerFileIsAnErrorNamingTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.txt.gz");
        try
        {
            using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write("# perf-engine client ledger v1\nid-before-any-key\n");
            }

            var act = () => ClientLedger.Read(path);

            act.Should().Throw<InvalidDataException>().WithMessage($"{path}:2: a value before the first key line");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ClientLedgerFile(string path, params (LedgerKey Key, string[] Ids)[] sections)
    {
        var ledger = new ClientLedger(sections.Select(s => s.Key));
        foreach (var (key, ids) in sections)
        {
            foreach (var id in ids)
            {
                ledger.Record(key, id);
            }
        }

        return ledger.Write(path);
    }
}
