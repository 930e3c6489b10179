using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Scenarios.Reporting;

namespace Perf.Scenarios.Running;

/// <summary>
/// One configuration's perf run: metrics before, the profile with live progress and 1-second resource samples,
/// the drain and job accounting, metrics after, then every artifact written — before anything is asserted, so
/// a failing configuration still leaves its evidence and its side of the comparison.
/// </summary>
public sealed class ConfigurationRun(PerfEnvironment environment, Action<string> log)
{
    /// <summary>One id per test process: reports from the same process are "this run" in the comparison.</summary>
    public static string SessionId { get; } = System.Environment.GetEnvironmentVariable("PERF_SESSION_ID") is { Length: > 0 } id
        ? id
        : $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{System.Environment.ProcessId}";

    public async Task<ConfigurationRunReport> ExecuteAsync(PerfRunSettings run, CancellationToken ct)
    {
        var configuration = environment.Settings.ConfigurationName;
        var artifacts = new ArtifactWriter(run.ProfileName);
        var profile = ProfileLoader.Load(run.ProfilePath, new ProfileOverrides { TimeScale = run.TimeScale, Target = environment.ApiBaseUrl.ToString() });
        log($"{configuration}: {RunVerdict.Describe(profile)}");
        var startedAt = DateTimeOffset.UtcNow;

        await using var collector = new MetricsCollector(environment);
        var before = await collector.SnapshotAsync("before", ct).ConfigureAwait(false);
        artifacts.Write(artifacts.MetricsPath(configuration, "before"), before);

        var sampler = new MetricsSampler(collector);
        var options = new RunOptions
        {
            Label = configuration,
            ProgressInterval = TimeSpan.FromSeconds(5),
            Progress = snapshot => log($"{configuration} {snapshot}"),
        };
        var load = await new LoadRunner().RunAsync(profile, options, ct).ConfigureAwait(false);
        log($"{configuration}: load done: {load.Totals.Requests} requests, p95 {load.Totals.Latency.P95:0.0} ms, p99 {load.Totals.Latency.P99:0.0} ms, errors {load.Totals.ErrorRatePercent:0.00} %");

        var jobs = await JobAccountant.SettleAsync(environment, RunVerdict.AcceptedByClients(load), ct).ConfigureAwait(false);
        var resources = await sampler.StopAsync().ConfigureAwait(false);
        await sampler.DisposeAsync().ConfigureAwait(false);
        log($"{configuration}: jobs accepted {jobs.Accepted}, processed {jobs.Processed}, dead-lettered {jobs.DeadLettered}, " +
            $"still queued {jobs.StillQueued}, lost {jobs.Lost}, duplicates {jobs.Duplicates} (drain {jobs.DrainSeconds:0.0} s)");

        var after = await collector.SnapshotAsync("after", ct).ConfigureAwait(false);
        artifacts.Write(artifacts.MetricsPath(configuration, "after"), after);
        artifacts.Write(artifacts.MetricsPath(configuration, "timeseries"), resources);

        var report = new ConfigurationRunReport
        {
            Configuration = configuration,
            ProfileName = run.ProfileName,
            SessionId = SessionId,
            StartedAt = startedAt,
            Machine = MachineInfo.Current(),
            Settings = environment.Settings.Redacted(),
            ReadyAfterSeconds = Math.Round(environment.ReadyAfter.TotalSeconds, 2),
            Unavailable = after.Unavailable,
            RedisConfig = after.RedisConfig ?? before.RedisConfig,
            Load = load,
            Jobs = jobs,
            Before = before,
            After = after,
            Resources = resources,
            SamplerOverheadPercentOfCore = Math.Round(sampler.OverheadPercentOfCore, 2),
            Breaches = RunVerdict.Breaches(load, jobs, run.MinAchievedRateRatio),
        };
        log($"{configuration}: report {artifacts.Write(artifacts.ReportPath(configuration), report)}");
        if (ComparisonReport.TryWrite(artifacts, SessionId, log) is { } comparison)
        {
            log($"comparison report: {comparison}");
        }

        return report;
    }
}
