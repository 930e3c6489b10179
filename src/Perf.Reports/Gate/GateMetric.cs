namespace Perf.Reports.Gate;

/// <summary>One headline metric of the comparison's JSON, as the gate reads it; verdict and interval source stay as written.</summary>
internal sealed record GateMetric(string Name, string Unit, string Direction, EffectScale Scale, double? A, double? B, double? Estimate,
    double? CiLow, double? CiHigh, double MinEffect, string Verdict, string IntervalSource);
