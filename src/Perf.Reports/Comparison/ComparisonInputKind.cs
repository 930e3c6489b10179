namespace Perf.Reports.Comparison;

/// <summary>Which code wrote a report that <c>perf compare</c> reads.</summary>
public enum ComparisonInputKind
{
    /// <summary>A configuration run of the perf tests (comparison-results/report-&lt;config&gt;-&lt;profile&gt;.json): requests and system.</summary>
    PerfTests,

    /// <summary>The load engine's report of <c>perf run --out</c>: requests only.</summary>
    EngineRun,

    /// <summary>Artillery's results converted by <c>perf import-artillery</c>: requests only, with the limitations it states.</summary>
    ArtilleryImport,
}
