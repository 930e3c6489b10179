namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// artifacts/perf/reliability/memory-pressure.json: one outcome per case (the policy, and whether admission control was
/// on), so the comparison report can cite what allkeys-lru costs under memory pressure against noeviction and admission control.
/// </summary>
public sealed record MemoryPressureReport(int SchemaVersion, string Setup, IReadOnlyDictionary<string, MemoryPressureOutcome> Outcomes)
{
    public const int CurrentSchemaVersion = 1;
}
