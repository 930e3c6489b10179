using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Perf.Model;
using Perf.Model.Accounting;
using Perf.Model.Metrics;
using Perf.Model.Settings;
using EngineSecond = Perf.Engine.Stats.TimeSeriesPoint;

namespace Perf.Testing;

/// <summary>
/// A synthetic but realistic <see cref="ConfigurationRunReport"/> of the smoke profile (60 s, four phases), with
/// the knobs the report's rules look at. Defaults: nothing alarming (no evictions, CPU below 80 %, queue keeps up).
/// </summary>
public sealed class RunReportBuilder
{
    public const double LoadSeconds = 60;

    public string Configuration { get; set; } = "baseline";
    public string? Side { get; set; }
    public string SessionId { get; set; } = "session-now";
    public DateTimeOffset StartedAt { get; set; } = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);
    public int Workers { get; set; } = 1;
    public bool Backpressure { get; set; }
    public int PoolSize { get; set; } = 1;
    public string? RedisConfigFile { get; set; }
    public long MaxMemoryBytes { get; set; }
    public string Policy { get; set; } = "noeviction";
    public long MaxClients { get; set; } = 10000;
    public long? MaxClientsRequested { get; set; }
    public string? MaxClientsNote { get; set; }
    public long EvictedKeys { get; set; }
    public double HostCpuPeak { get; set; } = 62;
    public int HostCpuPeakSeconds { get; set; } = 20;
    public double P50 { get; set; } = 12;
    public double P95 { get; set; } = 100;
    public double P99 { get; set; } = 180;
    public long Requests { get; set; } = 6000;
    public long Status503 { get; set; }
    public long BackpressureRejected { get; set; }
    public bool QueueLagGrows { get; set; }
    public bool QueueLagJitters { get; set; }
    public long Lost { get; set; }
    public IReadOnlyList<string> JobNotes { get; set; } = [];
    public JobAudit? Audit { get; set; }
    public double JobP95 { get; set; } = 400;
    public bool JobLatencyPerSecond { get; set; } = true;
    public double AchievedSustainedRate { get; set; } = 99.6;
    public bool FailP99Threshold { get; set; }
    public IReadOnlyList<string> Unavailable { get; set; } = ["MongoDB: not run (PERF_STORE=redis: results stored in Redis; no MongoDB image on this machine)"];

    public static RunReportBuilder Baseline() => new();

    public static RunReportBuilder Optimized() => new()
    {
        Configuration = "optimized",
        Workers = 5,
        Backpressure = true,
        PoolSize = 4,
        RedisConfigFile = "/repo/redis.conf",
        MaxMemoryBytes = 2L << 30,
        Policy = "allkeys-lru",
        MaxClientsRequested = 10000,
        P95 = 60,
        P99 = 150,
        JobP95 = 120,
    };

    private static readonly PhaseReport[] Phases =
    [
        new(0, "warm-up", 0, 10, 5, 5, 5, 50, 50, 5, 0, 0, 0),
        new(1, "ramp-up", 10, 20, 5, 50, 27.5, 550, 550, 27.4, 0, 0, 0),
        new(2, "sustained", 30, 20, 100, 100, 100, 2000, 2000, 99.6, 3, 4.2, 9.1),
        new(3, "cool-down", 50, 10, 10, 10, 10, 100, 100, 10, 0, 0, 0),
    ];

    public ConfigurationRunReport Build()
    {
        var phases = Phases.Select(p => p.Name == "sustained" ? p with { AchievedRate = AchievedSustainedRate } : p).ToList();
        var errors = Status503;
        var codes = new Dictionary<int, long> { [200] = Requests / 2, [202] = Requests / 2 - errors };
        if (errors > 0)
        {
            codes[503] = errors;
        }

        var totals = Traffic(Requests, codes, errors);
        var paymentCodes = new Dictionary<int, long> { [202] = Requests / 2 - errors };
        if (errors > 0)
        {
            paymentCodes[503] = errors;
        }

        var payments = Traffic(Requests / 2, paymentCodes, errors);
        var health = Traffic(Requests / 2, new Dictionary<int, long> { [200] = Requests / 2 }, 0);
        var checks = new List<ThresholdCheck>
        {
            new("http.response_time.p95", "global", P95, 500, "ms", true),
            new("http.response_time.p99", "global", P99, FailP99Threshold ? P99 / 2 : 1500, "ms", !FailP99Threshold),
            new("maxErrorRate", "global", totals.ErrorRatePercent, 1, "%", totals.ErrorRatePercent <= 1),
        };
        var breaches = checks.Where(c => !c.Passed).Select(c => new ThresholdBreach(c.Expression, c.Scope, c.Measured, c.Allowed, c.Unit)).ToList();
        var load = new RunReport
        {
            ProfileName = "smoke",
            Target = "http://127.0.0.1:8080/",
            StartedAt = StartedAt,
            EndedAt = StartedAt.AddSeconds(LoadSeconds),
            DurationSeconds = LoadSeconds,
            Phases = phases,
            Totals = totals,
            Scenarios = [new ScenarioReport("create-payment", 3, Requests / 2, Requests / 2, 0, payments), new ScenarioReport("health", 1, Requests / 2, Requests / 2, 0, health)],
            Requests = [new RequestReport("POST /payments", "POST", "/payments", "create-payment", payments), new RequestReport("GET /health", "GET", "/health", null, health)],
            TimeSeries = Enumerable.Range(1, (int)LoadSeconds).Select(s => new EngineSecond(s, 50, 100, 100, P50, P95 * (0.8 + 0.004 * s), P99 * (0.8 + 0.004 * s), 0, 3)).ToList(),
            Thresholds = new ThresholdResult(checks, breaches),
        };
        var accepted = Requests / 2 - errors;
        var redisConfig = new RedisEffectiveConfig(MaxMemoryBytes, Policy, MaxClients, MaxClientsRequested, "", "no", "7.2.5", MaxClientsNote);
        return new ConfigurationRunReport
        {
            Configuration = Configuration,
            Side = Side,
            ProfileName = "smoke",
            SessionId = SessionId,
            StartedAt = StartedAt,
            Machine = new MachineInfo("perf-host", "Debian GNU/Linux 12", "AMD EPYC 7B13", 2, 7.8, ".NET 10.0.0"),
            Settings = new EnvironmentSettings
            {
                ConfigurationName = Configuration,
                WorkerCount = Workers,
                BackpressureEnabled = Backpressure,
                RedisPoolSize = PoolSize,
                RedisConfigFile = RedisConfigFile,
                Store = StoreKind.Redis,
                Network = NetworkMode.Host,
            },
            ReadyAfterSeconds = 4.2,
            Unavailable = Unavailable,
            RedisConfig = redisConfig,
            Load = load,
            Jobs = new JobAccounting(accepted, accepted, accepted, accepted - Lost, 0, 0, Lost, 0, true, 2.5,
                new JobLatency(accepted, JobP95 / 3, JobP95, JobP95 * 1.5, JobP95 * 3), JobNotes),
            Audit = Audit,
            Before = Snapshot("before", 0, 0, 0.8, redisConfig),
            After = Snapshot("after", EvictedKeys, BackpressureRejected, 42, redisConfig),
            Resources = Resources(accepted),
            SamplerOverheadPercentOfCore = 1.7,
            Breaches = breaches.Select(b => b.ToString()).ToList(),
        };
    }

    private TrafficStats Traffic(long requests, IReadOnlyDictionary<int, long> codes, long errors) =>
        new(requests, requests / LoadSeconds, new LatencyStats(2, P50, P50 * 2, P95 * 0.7, P95, P99, P99 * 2, P99 * 4, P50 * 2.5), codes,
            errors > 0 ? new Dictionary<string, long> { ["5xx"] = errors } : new Dictionary<string, long>(), errors,
            requests == 0 ? 0 : 100.0 * errors / requests);

    private MetricsSnapshot Snapshot(string label, long evicted, long rejected, double usedMb, RedisEffectiveConfig config) => new(
        Configuration, label, StartedAt, new HostSample(label == "before" ? 8 : 30, 3.1, 7.8, 39.7, 2), [],
        new RedisSample(label == "before" ? 2 : 6, (long)(usedMb * 1024 * 1024), (long)(usedMb * 1024 * 1024), evicted, 0, 1200, 500, 20, 90000, 3000),
        config, [new QueueState("jobs:payments", 0, 0, 0, 0)],
        new JobCounters(0, 0, 0, 0, 0, 0, rejected), null, []);

    private List<ResourceSample> Resources(long accepted)
    {
        var samples = new List<ResourceSample>();
        for (var s = 1; s <= (int)LoadSeconds + 3; s++)
        {
            var cpu = s > 30 && s <= 30 + HostCpuPeakSeconds ? HostCpuPeak - (s % 3) : HostCpuPeak * 0.5;
            var acceptedSoFar = (long)(accepted * Math.Min(1.0, s / LoadSeconds));
            long lag = QueueLagGrows && s is > 30 and <= 50 ? (s - 30) * 40L
                : QueueLagJitters ? (s > 42 ? 2 : 1)
                : 2;
            var processed = Math.Max(0, acceptedSoFar - lag);
            double? jobP95 = JobLatencyPerSecond ? JobP95 * (s % 2 == 0 ? 1.05 : 0.95) : null;
            samples.Add(new ResourceSample(s, cpu, 40,
                new Dictionary<string, double> { ["api"] = cpu * 0.8, ["worker"] = 20.0 * Workers, ["redis"] = 12 },
                new Dictionary<string, double> { ["api"] = 180, ["worker"] = 90.0 * Workers, ["redis"] = 14 + s * 0.4 },
                14 + s * 0.4, 2 + Workers + PoolSize, 900 + s * 10, EvictedKeys * s / ((int)LoadSeconds + 3),
                lag, 0, lag, acceptedSoFar, processed, null, jobP95, jobP95 * 1.5));
        }

        return samples;
    }
}
