namespace Perf.Fixtures.Containers;

/// <summary>What a started container is, for stats, logs and fault injection.</summary>
public enum ContainerRole
{
    Redis,
    Mongo,
    Api,
    Worker,
}
