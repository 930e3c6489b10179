namespace Perf.Scenarios;

[CollectionDefinition(BaselineEnvironmentFixture.Name)]
public sealed class BaselineEnvironmentCollection : ICollectionFixture<BaselineEnvironmentFixture>;

[CollectionDefinition(OptimizedEnvironmentFixture.Name)]
public sealed class OptimizedEnvironmentCollection : ICollectionFixture<OptimizedEnvironmentFixture>;
