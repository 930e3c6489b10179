using Perf.Engine.Profiles;

namespace Perf.ArtilleryImport;

/// <summary>What Artillery's JSON does not carry and the caller may supply.</summary>
public sealed record ArtilleryImportOptions
{
    /// <summary>The report's profile name; defaults to the JSON file's name without extension.</summary>
    public string? ProfileName { get; init; }

    /// <summary>Free text stored in the report, e.g. "baseline".</summary>
    public string? Label { get; init; }

    /// <summary>The URL Artillery ran against (its JSON does not record it); defaults to the profile's target.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// The profile Artillery ran, when known: its ensure thresholds are evaluated against the imported figures and
    /// its request names give the per-request rows their "METHOD url" keys.
    /// </summary>
    public LoadProfile? Profile { get; init; }
}
