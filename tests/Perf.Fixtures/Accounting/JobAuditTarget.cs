using Perf.Model.Settings;
using StackExchange.Redis;

namespace Perf.Fixtures.Accounting;

/// <summary>Where the audit reads: the SUT's Redis (job state, dead letters, and results with the Redis store) and, with the Mongo store, its MongoDB.</summary>
public sealed record JobAuditTarget(IConnectionMultiplexer Redis, StoreKind Store, string? MongoConnectionString = null)
{
    public static JobAuditTarget Of(PerfEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new JobAuditTarget(environment.Redis, environment.Settings.Store, environment.MongoHostConnectionString);
    }

    public string Describe() => Store == StoreKind.Redis
        ? $"Redis {JobStoreKeys.ResultPrefix}{{id}}"
        : $"MongoDB {JobStoreKeys.MongoDatabase}.{JobStoreKeys.MongoCollection}";
}
