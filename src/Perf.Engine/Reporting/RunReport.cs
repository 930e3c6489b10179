using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>Everything a run measured; serialised with <see cref="RunReportJson"/>. Times are in milliseconds unless named otherwise.</summary>
public sealed record RunReport
{
    /// <summary>Bumped whenever a field changes meaning or is removed (adding fields keeps the version).</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ProfileName { get; init; }

    public string? ProfilePath { get; init; }

    public string? Label { get; init; }

    public required string Target { get; init; }

    public double TimeScale { get; init; } = 1.0;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>True when the run was stopped by its cancellation token before the schedule ended.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Requests aborted by cancellation; they are in no other count.</summary>
    public long CancelledRequests { get; init; }

    /// <summary>
    /// Custom steps still running when their timeout fired (they ignored their token): recorded as error <c>timeout</c>
    /// and no longer awaited, so the run ended on time; their tasks were left to finish on their own.
    /// </summary>
    public long AbandonedSteps { get; init; }

    /// <summary>Every phase with its load model (open or closed).</summary>
    public required IReadOnlyList<PhaseReport> Phases { get; init; }

    /// <summary>Requests and custom steps of the open-model phases (all of them unless the profile has closed phases).</summary>
    public required TrafficStats Totals { get; init; }

    /// <summary>Open-model scenarios.</summary>
    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>Open model, per "METHOD url-template" (e.g. "POST /payments") or "STEP name", merged over scenarios.</summary>
    public required IReadOnlyList<RequestReport> Requests { get; init; }

    /// <summary>The closed-model phases' measurements, or null when the profile has none.</summary>
    public ClosedModelReport? ClosedModel { get; init; }

    public required IReadOnlyList<TimeSeriesPoint> TimeSeries { get; init; }

    public ThresholdResult? Thresholds { get; init; }

    /// <summary>What the client ledger recorded per key (<c>RunOptions.Ledger</c>); empty when the run kept none.</summary>
    public IReadOnlyList<LedgerSummary> Ledger { get; init; } = [];

    /// <summary>
    /// What this report cannot tell, in words a reader of the comparison needs: empty for the engine's own runs,
    /// filled by an importer whose source measured less (e.g. Artillery's 10-second windows and whole milliseconds).
    /// </summary>
    public IReadOnlyList<string> Limitations { get; init; } = [];

    /// <summary>The open-model request by key, e.g. "POST /payments"; throws <see cref="KeyNotFoundException"/> listing the keys there are.</summary>
    public RequestReport GetRequest(string key) => ReportLookup.Get(Requests, r => r.Key, key, "request key");

    public bool TryGetRequest(string key, out RequestReport request) => ReportLookup.TryGet(Requests, r => r.Key, key, out request);

    /// <summary>The open-model scenario by name; throws <see cref="KeyNotFoundException"/> listing the scenarios there are.</summary>
    public ScenarioReport GetScenario(string name) => ReportLookup.Get(Scenarios, s => s.Name, name, "scenario");

    public bool TryGetScenario(string name, out ScenarioReport scenario) => ReportLookup.TryGet(Scenarios, s => s.Name, name, out scenario);

    /// <summary>A phase by name; throws <see cref="KeyNotFoundException"/> listing the phases there are.</summary>
    public PhaseReport GetPhase(string name) => ReportLookup.Get(Phases, p => p.Name, name, "phase");

    public bool TryGetPhase(string name, out PhaseReport phase) => ReportLookup.TryGet(Phases, p => p.Name, name, out phase);
}
