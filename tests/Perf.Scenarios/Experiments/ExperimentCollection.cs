namespace Perf.Scenarios.Experiments;

/// <summary>The experiments run one after another (never beside a perf test) and share the live log.</summary>
[CollectionDefinition(ExperimentLog.Name)]
public sealed class ExperimentCollection : ICollectionFixture<ExperimentLog>;
