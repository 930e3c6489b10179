using System.ComponentModel.DataAnnotations;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Options;

/// <summary>Section <c>Store</c>: the idempotent result store.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";
    public const string Mongo = "mongo";
    public const string Redis = "redis";

    [AllowedValues(Mongo, Redis, ErrorMessage = "Store__Kind must be one of: mongo, redis.")]
    public string Kind { get; set; } = Mongo;

    public string MongoConnectionString { get; set; } = "mongodb://127.0.0.1:27017";

    public string MongoDatabase { get; set; } = MongoResults.DefaultDatabase;

    [Range(1, 10_000, ErrorMessage = "Store__MongoMaxPoolSize must be between 1 and 10000.")]
    public int MongoMaxPoolSize { get; set; } = 100;
}
