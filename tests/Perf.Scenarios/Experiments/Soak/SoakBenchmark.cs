using System.Diagnostics;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Fixtures;
using Perf.Fixtures.Metrics;
using Perf.Model.Settings;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Soak;

namespace Perf.Scenarios.Experiments.Soak;

/// <summary>
/// The soak benchmark (docs/system-under-test.md, "Retention"): one configuration at a constant arrival rate for
/// minutes, Redis sampled every second, the memory slope after the retention window fitted, written as
/// <c>soak-&lt;config&gt;.json</c> and <c>SOAK_&lt;config&gt;.md</c> under the experiments' folder.
/// </summary>
public sealed class SoakBenchmark(EnvironmentSettings settings, LoadProfile template, SoakPlan plan)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    public async Task<SoakResult> RunAsync(Action<string> log, CancellationToken ct)
    {
        var context = ExperimentContext.Begin(tiny: false);
        var configured = settings with { JobKeyRetentionSeconds = plan.RetentionSeconds, IdempotencyTtlSeconds = plan.RetentionSeconds };
        log(System.FormattableString.Invariant(
            $"soak {settings.ConfigurationName}: {plan.ArrivalRate:0} arrivals/s for {plan.Duration.TotalMinutes:0} min, job keys and idempotency records kept {plan.RetentionSeconds} s"));
        await using var environment = await PerfEnvironment.StartAsync(configured, log, ct).ConfigureAwait(false);
        var profile = template with
        {
            Name = $"{template.Name}:soak",
            Target = environment.ApiBaseUrl,
            Phases = [new Phase("ramp", SoakPlan.Ramp, plan.ArrivalRate * SoakPlan.RampStartShare, plan.ArrivalRate), new Phase("soak", plan.Duration, plan.ArrivalRate)],
        };
        var samples = new List<SoakSample>();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Sample times count from the start of the measured phase, after the ramp (negative during the ramp).
        var sampling = SampleAsync(environment, samples, -SoakPlan.Ramp.TotalSeconds, log, stopSampling.Token);
        var load = await new LoadRunner().RunAsync(profile, new RunOptions
        {
            Label = $"soak {settings.ConfigurationName}",
            ProgressInterval = TimeSpan.FromSeconds(30),
            Progress = snapshot => log($"  {snapshot}"),
        }, ct).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);

        var result = SoakResult.From(plan, load.Phases[^1].AchievedRate, samples);
        var directory = ExperimentSettings.Directory(tiny: false);
        new ArtifactWriter("experiments", directory).Write(ExperimentFiles.SoakJson(directory, settings.ConfigurationName), result);
        var markdown = ExperimentFiles.SoakMarkdown(directory, settings.ConfigurationName);
        SoakMarkdown.Compose(result, settings.ConfigurationName, context.End()).WriteMarkdown(markdown);
        log($"soak {settings.ConfigurationName}: {result.Headline()} → {markdown}");
        return result;
    }

    private static async Task SampleAsync(PerfEnvironment environment, List<SoakSample> samples, double startSeconds, Action<string> log, CancellationToken ct)
    {
        var probe = new RedisProbe(environment.Redis);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            do
            {
                try
                {
                    var redis = await probe.SampleAsync().ConfigureAwait(false);
                    var counters = await environment.JobSystem.CountersAsync().ConfigureAwait(false);
                    samples.Add(new SoakSample(Math.Round(startSeconds + clock.Elapsed.TotalSeconds, 2), redis.UsedMemoryBytes, redis.EvictedKeys, redis.Keys, counters.Processed));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log($"soak: a sample failed ({ex.GetType().Name}: {ex.Message}); the series has a gap");
                }
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The load ended: the series is complete.
        }
    }
}
