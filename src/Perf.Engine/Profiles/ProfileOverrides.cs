namespace Perf.Engine.Profiles;

/// <summary>Settings applied on top of a profile file when it is loaded.</summary>
public sealed record ProfileOverrides
{
    /// <summary>Multiplies every phase duration (0.1 turns a 240 s profile into 24 s); rates are unchanged.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>Replaces config.target (like Artillery's <c>--target</c>).</summary>
    public string? Target { get; init; }
}
