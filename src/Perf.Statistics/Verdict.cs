namespace Perf.Statistics;

/// <summary>The outcome of one metric's comparison against its minimum effect.</summary>
public enum Verdict
{
    /// <summary>The whole interval lies beyond the minimum effect on the improving side.</summary>
    Better,

    /// <summary>The whole interval lies beyond the minimum effect on the worsening side.</summary>
    Worse,

    /// <summary>For a metric without a better direction: the whole interval lies beyond the minimum effect.</summary>
    Changed,

    /// <summary>The interval reaches inside the minimum effect: the data cannot tell the sides apart at that size.</summary>
    NoDetectableDifference,

    /// <summary>No interval could be computed (too few values, or a ratio with a zero baseline).</summary>
    NotEstimated,
}
