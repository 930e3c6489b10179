namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>A Redis the tests may use and must dispose.</summary>
public interface IRedisServer : IAsyncDisposable
{
    string ConnectionString { get; }
}
