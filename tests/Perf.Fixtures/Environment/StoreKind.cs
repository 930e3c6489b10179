namespace Perf.Fixtures.Environment;

/// <summary>Where the workers store job results.</summary>
public enum StoreKind
{
    Mongo,
    Redis,
}
