namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>Integration tests share one Redis and run one at a time (each flushes the database first).</summary>
[CollectionDefinition(RedisFixture.Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>;
