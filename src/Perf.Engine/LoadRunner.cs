using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Perf.Engine.Stats;
using Perf.Engine.Telemetry;
using Perf.Engine.Thresholds;

namespace Perf.Engine;

/// <summary>
/// Runs a profile: open-model phases follow their arrival schedule whatever the target's latency (latency from each
/// intended start), closed-model phases keep their users busy; the report includes the threshold evaluation.
/// </summary>
public sealed class LoadRunner
{
    /// <summary>
    /// Called once a second (on the sampler's thread-pool thread, never the scheduler) with the second just closed, for
    /// a live view such as the web dashboard; null costs nothing. It must return quickly: the next second waits for it.
    /// </summary>
    public Action<LiveSample>? Sample { get; init; }

    /// <summary>How often a <see cref="LiveSample"/> carries the ensure checks evaluated on the run so far.</summary>
    public TimeSpan LiveThresholdInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="profile"/>. Cancelling <paramref name="cancellationToken"/> stops arrivals and aborts
    /// in-flight requests at once; the report is still returned, with <see cref="RunReport.Cancelled"/> set.
    /// </summary>
    public async Task<RunReport> RunAsync(LoadProfile profile, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        CheckBounds(options);
        var plan = new CompiledPlan(profile);
        options.Ledger?.Bind(plan);

        // Phases start a little in the future so the first arrivals are not late by the set-up below.
        using var context = new RunContext(plan, options, Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 50), cancellationToken);
        var telemetry = new RunTelemetry(EngineInstruments.For(options.MeterFactory), plan, context.Phases);
        var recorder = new RunRecorder(context, options.LateArrivalThreshold, telemetry, options.MaxInFlight);
        context.Recorder = recorder;
        var scheduler = new ArrivalScheduler(context, options.Seed, options.MaxInFlight);
        var sampler = new RunSampler(context, recorder, () => scheduler.CurrentPhase, options, LiveSamples(context, recorder, options));
        using var observed = telemetry.Attach(sampler);
        using var stopSampler = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stopSampler.Token);
        scheduler.Start();

        await WaitForDrainAsync(context, options, cancellationToken).ConfigureAwait(false);
        await stopSampler.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        sampler.Sample();

        var report = ReportBuilder.Build(context, recorder, sampler.Points, options, cancellationToken.IsCancellationRequested);
        return report with { Thresholds = ThresholdEvaluator.Evaluate(profile, report) };
    }

    /// <summary>Turns the sampler's seconds into <see cref="LiveSample"/>s for <see cref="Sample"/>, with the thresholds every few seconds.</summary>
    private Action<SecondSample>? LiveSamples(RunContext context, RunRecorder recorder, RunOptions options)
    {
        if (Sample is not { } observer)
        {
            return null;
        }

        var profile = context.Plan.Profile;
        var every = (long)(LiveThresholdInterval.TotalSeconds * Stopwatch.Frequency * 0.95);
        var lastThresholds = context.StartTimestamp;
        return second =>
        {
            ThresholdResult? thresholds = null;
            if (profile.Thresholds.Count > 0 && second.Timestamp - lastThresholds >= every)
            {
                // The report's own evaluation on the run so far; every few seconds only, as it copies each recorder's histogram.
                thresholds = ThresholdEvaluator.Evaluate(profile, ReportBuilder.Build(context, recorder, [], options, cancelled: false));
                lastThresholds = second.Timestamp;
            }

            var phase = second.Phase;
            observer(new LiveSample(second.Point, phase.Index, phase.Name, phase.Model == LoadModel.Open ? second.IntervalTargetRate : null,
                second.AchievedRate, second.LateArrivals, second.DroppedArrivals, second.StatusCodes, second.ErrorKinds, thresholds));
        };
    }

    private static void CheckBounds(RunOptions options)
    {
        if (options.MaxInFlight is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "RunOptions.MaxInFlight must be at least 1 (null: no cap)");
        }

        if (options.CustomStepTimeout is { } stepTimeout && stepTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), stepTimeout, "RunOptions.CustomStepTimeout must be positive (null: the request timeout)");
        }

        if (options.Http.MaxCaptureBodyBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Http.MaxCaptureBodyBytes, "HttpSettings.MaxCaptureBodyBytes must be at least 1");
        }
    }

    private static async Task WaitForDrainAsync(RunContext context, RunOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await context.Drained.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            // Cancelled: in-flight requests see the same token and end promptly; wait for them briefly below.
        }

        // Without cancellation every request ends within its timeout, so the wait above needs no bound of its own.
        await Task.WhenAny(context.Drained, Task.Delay(options.CancellationGrace, CancellationToken.None)).ConfigureAwait(false);
    }
}
