namespace Perf.Model.Settings;

/// <summary>Where the workers store job results.</summary>
public enum StoreKind
{
    Mongo,
    Redis,
}
