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

    public required IReadOnlyList<PhaseReport> Phases { get; init; }

    public required TrafficStats Totals { get; init; }

    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>Per "METHOD url-template" (e.g. "POST /payments"), merged over scenarios.</summary>
    public required IReadOnlyList<RequestReport> Requests { get; init; }

    public required IReadOnlyList<TimeSeriesPoint> TimeSeries { get; init; }

    public ThresholdResult? Thresholds { get; init; }

    public RequestReport? Request(string key) => Requests.FirstOrDefault(r => r.Key == key);

    public ScenarioReport? Scenario(string name) => Scenarios.FirstOrDefault(s => s.Name == name);
}
