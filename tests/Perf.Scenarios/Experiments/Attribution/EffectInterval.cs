namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>A point estimate with its interval; <see cref="Method"/> says how the interval was made.</summary>
public sealed record EffectInterval(double Estimate, double Low, double High, double Confidence, string Method)
{
    /// <summary>The interval excludes zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}
