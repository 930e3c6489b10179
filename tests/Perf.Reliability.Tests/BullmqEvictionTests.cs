using System.Globalization;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Model.Settings;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>
/// The eviction question on the seed's own stack: the BullMQ system under test with the optimized redis.conf capped at a
/// few megabytes, under a keyed burst that one slow worker cannot keep up with, once with the seed's allkeys-lru and once
/// with noeviction (BullMQ's production guide calls it the only policy that keeps queues correct). Judged id by id
/// through the job-system seam's audit, and by replaying accepted Idempotency-Keys. The BullMQ system keeps finished
/// jobs for its retention (Worker__JobKeyRetentionSeconds, far longer than this test), so memory grows with every job
/// whatever the worker's speed. Every outcome goes to
/// artifacts/perf/reliability/bullmq-eviction.json.
/// </summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BullmqEvictionTests(ITestOutputHelper output)
{
    private const string MaxMemory = "maxmemory 4mb";
    private const int BurstSize = 2500;

    public static string ArtifactPath => Path.Combine(new ArtifactWriter("reliability").Directory, "reliability", "bullmq-eviction.json");

    [Fact]
    public async Task AllKeysLruOnBullmqEvictsAndTheAuditCountsWhatItCost()
    {
        var outcome = await RunBurstAsync("bullmq-allkeys-lru", [MaxMemory], relieve: false);

        outcome.Policy.Should().Be("allkeys-lru");
        outcome.EvictedKeys.Should().BeGreaterThan(0, "a 4 MB cap under this burst must evict, or this case proves nothing");
        var audit = outcome.Audit!;
        audit.IdsChecked.Should().Be(outcome.Burst.Accepted, "every id a client saw accepted is judged");
        (audit.Stored + audit.DeadLettered + audit.Lost + audit.Double).Should().BeGreaterThanOrEqualTo(audit.IdsChecked,
            "each accepted id is counted as stored, dead-lettered, lost or double");
    }

    [Fact]
    public async Task NoEvictionOnBullmqRefusesNewJobsAndLosesNoAcceptedOne()
    {
        var outcome = await RunBurstAsync("bullmq-noeviction", [MaxMemory, "maxmemory-policy noeviction"], relieve: true);

        outcome.Policy.Should().Be("noeviction");
        outcome.EvictedKeys.Should().Be(0);
        outcome.Burst.StatusCodes.GetValueOrDefault(503).Should().BeGreaterThan(0, "the burst must fill the cap, or this case proves nothing");
        outcome.Burst.FirstRefusal.Should().Contain("application/problem+json");
        outcome.Burst.StatusCodes.Keys.Where(code => code >= 500).Should().OnlyContain(code => code == 503,
            "a full Redis is a temporary refusal (503 + Retry-After), not a server fault");
        var audit = outcome.Audit!;
        audit.IdsChecked.Should().Be(outcome.Burst.Accepted);
        audit.Breaches().Should().BeEmpty("noeviction keeps every accepted job, checked id by id");
        outcome.JobRecordsMissing.Should().Be(0, "no job hash may disappear under noeviction");
        outcome.ReplayedKeys.Should().BeGreaterThan(0);
        outcome.ReplayedKeysWithNewIds.Should().Be(0, "a replayed key must return its first id, never create a second job");
        outcome.ReplaysNotAnswered.Should().Be(0, "once memory is available, every accepted key is answered");
    }

    private async Task<MemoryPressureOutcome> RunBurstAsync(string name, IReadOnlyList<string> directives, bool relieve)
    {
        var log = new TestLog(output);
        using var bound = TestBound.Within(TimeSpan.FromSeconds(120));
        // One worker at 32 × 200 ms ≈ 160 jobs/s against a burst several times faster.
        var settings = ReliabilitySettings.Optimized(name) with
        {
            JobSystem = JobSystemKind.Bullmq,
            WorkerCount = 1,
            WorkerConcurrency = 32,
            SimulatedDownstreamMs = 200,
            WorkerReclaimIdleMs = 2000,
            RedisExtraDirectives = directives,
            DrainTimeout = TimeSpan.FromSeconds(30),
        };
        await using var environment = await PerfEnvironment.StartAsync(settings, log.Write, bound.Token);
        var probe = new RedisProbe(environment.Redis);
        var config = await probe.EffectiveConfigAsync(settings.RedisConfigFile);
        log.Write($"{name}: {environment.JobSystem.Name}, maxmemory {config.MaxMemoryBytes} B, policy {config.MaxMemoryPolicy}");

        var (burst, processedBeforeRelief, relief) = await MemoryBurst.SendAsync(environment, name, BurstSize, i => $"{name}-{i}",
            TimeSpan.FromSeconds(5), relieve, log.Write, bound.Token);

        var jobs = await JobAccountant.SettleAsync(environment, burst.Accepted, bound.Token);
        var audit = await JobAuditor.AuditAsync(environment, burst.AcceptedIds, jobs, ledgerFile: null, bound.Token);
        var missingJobRecords = await JobRecords.CountMissingAsync(environment, burst.AcceptedIds, bound.Token);
        var replays = await IdempotencyReplay.ReplayAsync(environment.ApiBaseUrl, MemoryBurst.Path, burst.AcceptedIdsByKey,
            key => MemoryBurst.Body(int.Parse(key[(name.Length + 1)..], CultureInfo.InvariantCulture)), bound.Token);
        var sample = await probe.SampleAsync();
        var outcome = new MemoryPressureOutcome(config.MaxMemoryPolicy, config.MaxMemoryBytes, burst, sample.EvictedKeys, sample.UsedMemoryPeakBytes,
            missingJobRecords, QueueStreamsMissing: [], audit.Lost, processedBeforeRelief, relief, jobs, DateTimeOffset.UtcNow)
        {
            MemoryAdmissionPercent = 0,
            Audit = audit,
            ReplayedKeys = replays.Replayed,
            ReplayedKeysWithNewIds = replays.NewIds,
            ReplaysNotAnswered = replays.NotAnswered,
        };
        log.Write($"{name}: evicted keys {outcome.EvictedKeys}, job hashes missing {outcome.JobRecordsMissing}; audit of {audit.IdsChecked} ids: stored {audit.Stored}, " +
                  $"dead-lettered {audit.DeadLettered}, lost {audit.Lost}, double {audit.Double}, unknown {audit.Unknown}, drained {audit.Drained}; " +
                  $"replayed {replays.Replayed} keys: new ids {replays.NewIds}, not answered {replays.NotAnswered}; counters: {string.Join(" | ", audit.CounterDisagreements)}");
        log.Write($"{name}: artifact {MemoryPressureArtifact.Add(ArtifactPath, $"BullMQ system, optimized redis.conf + '{MaxMemory}', 1 worker (concurrency 32, 200 ms per job), " +
                                                                               $"a burst of {BurstSize} keyed POST /notifications with 1000-character messages at concurrency 16", name, outcome)}");
        return outcome;
    }
}
