namespace Perf.Engine.Profiles;

/// <summary>
/// A load profile read from the supported subset of Artillery's YAML (see docs/load-engine.md).
/// Durations already include the time scale; <see cref="TimeScale"/> records what was applied.
/// </summary>
public sealed record LoadProfile
{
    public required string Name { get; init; }

    /// <summary>Full path of the YAML file, or null for a profile built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Base URL every request URL is appended to (config.target or the override).</summary>
    public required Uri Target { get; init; }

    public double TimeScale { get; init; } = 1.0;

    /// <summary>Per-request timeout (config.http.timeout, Artillery's default is 10 s when unset).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public required IReadOnlyList<Phase> Phases { get; init; }

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary>config.variables: each virtual user picks one value per variable at random.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Variables { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<ThresholdSpec> Thresholds { get; init; } = [];

    public TimeSpan TotalDuration => Phases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Duration);
}
