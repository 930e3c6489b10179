namespace Perf.Statistics;

/// <summary>Which variation an interval covers.</summary>
public enum IntervalSource
{
    /// <summary>No interval.</summary>
    None,

    /// <summary>Second-to-second variation within one run of each side (block bootstrap); leaves out run-to-run variation.</summary>
    WithinRun,

    /// <summary>Variation between repeated runs of each side.</summary>
    BetweenRuns,
}
