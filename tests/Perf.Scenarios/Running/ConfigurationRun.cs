using Perf.Dashboard;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Fixtures.Settings;
using Perf.Model;
using Perf.Model.Accounting;
using Perf.Scenarios.Reporting;

namespace Perf.Scenarios.Running;

/// <summary>
/// One configuration's perf run: metrics before, the profile with live progress and 1-second resource samples,
/// the drain and job accounting, metrics after, then every artifact written — before anything is asserted, so
/// a failing configuration still leaves its evidence and its side of the comparison (written once every configuration
/// test of the process has run, by <see cref="ComparisonFixture"/>).
/// </summary>
/// <param name="environment">The system under test.</param>
/// <param name="log">Progress lines.</param>
/// <param name="dashboard">The live web dashboard of this process (PERF_DASHBOARD), or null.</param>
public sealed class ConfigurationRun(PerfEnvironment environment, Action<string> log, DashboardFeed? dashboard = null)
{
    /// <summary>One id per test process: reports from the same process are "this run" in the comparison.</summary>
    public static string SessionId { get; } = PerfSettings.Current.Run.SessionId
        ?? $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}";

    public async Task<ConfigurationRunReport> ExecuteAsync(PerfRunSettings run, CancellationToken ct)
    {
        var configuration = environment.Settings.ConfigurationName;
        var side = run.SideOf(configuration);
        var label = side + (run.Repeat is { } repeat ? $"-r{repeat}" : "");
        var artifacts = new ArtifactWriter(run.ProfileName);
        var profile = ProfileLoader.Load(run.ProfilePath, new ProfileOverrides { TimeScale = run.TimeScale, Target = environment.ApiBaseUrl.ToString() });
        log($"{configuration}: {RunVerdict.Describe(profile)}");
        var startedAt = DateTimeOffset.UtcNow;

        await using var collector = new MetricsCollector(environment);
        var before = await collector.SnapshotAsync("before", ct).ConfigureAwait(false);
        artifacts.Write(artifacts.MetricsPath(label, "before"), before);

        var live = dashboard?.StartRun(label, profile);
        var sampler = new MetricsSampler(collector, observer: live is null ? null : live.Observe);
        var jobLedger = JobLedger.For(profile);
        var ledger = jobLedger.NewRecorder();
        var options = new RunOptions
        {
            Ledger = ledger,
            Label = configuration,
            ProgressInterval = TimeSpan.FromSeconds(5),
            Progress = snapshot => log($"{configuration} {snapshot}"),
        };
        var load = await new LoadRunner { Sample = live is null ? null : live.Observe }.RunAsync(profile, options, ct).ConfigureAwait(false);
        live?.Finish(load);
        log($"{configuration}: load done: {load.Totals.Requests} requests, p95 {load.Totals.Latency.P95:0.0} ms, p99 {load.Totals.Latency.P99:0.0} ms, errors {load.Totals.ErrorRatePercent:0.00} %");

        var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load), ct).ConfigureAwait(false);
        var (audit, auditProblems) = await AuditAsync(jobLedger, ledger, jobs, artifacts, label, ct).ConfigureAwait(false);
        var resources = await sampler.StopAsync().ConfigureAwait(false);
        await sampler.DisposeAsync().ConfigureAwait(false);
        log($"{configuration}: jobs accepted {jobs.Accepted}, processed {jobs.Processed}, dead-lettered {jobs.DeadLettered}, " +
            $"still queued {jobs.StillQueued}, lost {jobs.Lost}, duplicates {jobs.Duplicates} (drain {jobs.DrainSeconds:0.0} s)");

        var after = await collector.SnapshotAsync("after", ct).ConfigureAwait(false);
        artifacts.Write(artifacts.MetricsPath(label, "after"), after);
        artifacts.Write(artifacts.MetricsPath(label, "timeseries"), resources);

        var jobChecks = run.JobSlo.Evaluate(load, jobs, resources);
        var report = new ConfigurationRunReport
        {
            Configuration = configuration,
            Side = side == configuration ? null : side,
            Repeat = run.Repeat,
            JobChecks = jobChecks,
            JobSloEnforced = run.EnforcesJobSlo(configuration),
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
            Audit = audit,
            AuditProblems = auditProblems,
            Before = before,
            After = after,
            Resources = resources,
            SamplerOverheadPercentOfCore = Math.Round(sampler.OverheadPercentOfCore, 2),
            Breaches =
            [
                .. RunVerdict.Breaches(load, jobs, run.MinAchievedRateRatio), .. RunVerdict.AuditBreaches(audit, auditProblems),
                .. jobChecks.Where(c => !c.Passed && run.EnforcesJobSlo(configuration)).Select(c => c.ToString()),
            ],
        };
        log($"{label}: report {artifacts.Write(artifacts.ReportPath(label), report)}");
        return report;
    }

    /// <summary>Writes the client ledger next to the reports and audits every id in it against the store and the dead letters.</summary>
    private async Task<(JobAudit? Audit, IReadOnlyList<string> Problems)> AuditAsync(
        JobLedger jobLedger, ClientLedger? ledger, JobAccounting jobs, ArtifactWriter artifacts, string configuration, CancellationToken ct)
    {
        var problems = jobLedger.Uncaptured.Select(r => $"audit: the profile sends {r}, so those jobs cannot be audited by id").ToList();
        if (ledger is null)
        {
            problems.Add("audit: not run, the profile captures no job id");
            return (null, problems);
        }

        var file = Path.GetRelativePath(artifacts.Directory, ledger.Write(artifacts.LedgerPath(configuration)));
        try
        {
            var audit = await JobAuditor.AuditAsync(environment, jobLedger.Keys.SelectMany(ledger.Ids), jobs, file, ct).ConfigureAwait(false);
            log($"{configuration}: audit of {audit.IdsChecked} ids ({audit.Store}) in {audit.AuditSeconds:0.000} s: stored {audit.Stored}, " +
                $"dead-lettered {audit.DeadLettered}, lost {audit.Lost}, double {audit.Double}, unknown {audit.Unknown}, drained {audit.Drained}; " +
                $"ledger {file}");
            return (audit, problems);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or MongoDB.Driver.MongoException or InvalidOperationException)
        {
            problems.Add($"audit: failed to read the store ({ex.GetType().Name}: {ex.Message})");
            return (null, problems);
        }
    }
}
