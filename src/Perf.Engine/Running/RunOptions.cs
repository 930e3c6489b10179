using System.Diagnostics.Metrics;

namespace Perf.Engine.Running;

/// <summary>How a profile is run: progress reporting, HTTP settings and the bookkeeping the report carries.</summary>
public sealed record RunOptions
{
    /// <summary>Called (on a thread-pool thread, never the scheduler) every <see cref="ProgressInterval"/>.</summary>
    public Action<ProgressSnapshot>? Progress { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    public HttpSettings Http { get; init; } = new();

    /// <summary>Free text stored in the report, e.g. "baseline" or "optimized".</summary>
    public string? Label { get; init; }

    /// <summary>An arrival whose virtual user starts more than this after its intended time counts as late.</summary>
    public TimeSpan LateArrivalThreshold { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Seeds the scenario choice so two runs of a profile send the same mix in the same order.</summary>
    public int Seed { get; init; } = 20_240_601;

    /// <summary>
    /// After cancellation, how long to wait for aborted requests to unwind before the report is built. Without
    /// cancellation the run waits for every virtual user, which the request timeout bounds.
    /// </summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// At most this many open-model virtual users in flight at once, in every arrival phase; an arrival that finds the
    /// cap reached is dropped, never queued, and counted in its phase's <c>DroppedArrivals</c>. A phase's own
    /// <see cref="Profiles.Phase.MaxVusers"/> (<c>maxVusers</c>) applies too, and the smaller cap wins. Null: no cap, so a
    /// target that stops answering holds rate × request timeout virtual users (and their requests) in flight.
    /// </summary>
    public int? MaxInFlight { get; init; }

    /// <summary>
    /// How long a custom step (<c>flow.Step</c>) may run; null takes the request timeout. At that time its token is
    /// cancelled and the step is no longer awaited: it counts as error <c>timeout</c> and ends its virtual user, and
    /// a step that ignores its token is abandoned (counted in <c>RunReport.AbandonedSteps</c>) so the run still ends on time.
    /// </summary>
    public TimeSpan? CustomStepTimeout { get; init; }

    /// <summary>
    /// Records every value the ledger's keys name (e.g. each accepted job's id) for an audit after the run; null
    /// records nothing. One ledger per run; a key that names no capturing request of the profile is an error.
    /// </summary>
    public ClientLedger? Ledger { get; init; }

    /// <summary>
    /// Where the run's <c>Perf.Engine</c> instruments live (docs/observability.md): null for the process-wide meter that
    /// <c>dotnet-counters</c> and an OpenTelemetry exporter see; a factory (e.g. a host's) scopes them to it, so a test
    /// observes its own runs only.
    /// </summary>
    public IMeterFactory? MeterFactory { get; init; }
}
