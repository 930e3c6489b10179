using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures.Tests;

public class RedisConfigTextTests
{
    [Fact]
    public void BaselineConfigHoldsOnlyWhatTheSuiteMustSet()
    {
        var text = RedisConfigText.Build(EnvironmentPresets.BaselineSettings() with { Network = NetworkMode.Host }, 7001, "secret");

        text.Should().Contain("port 7001").And.Contain("bind 127.0.0.1").And.Contain("requirepass secret");
        text.Should().NotContain("maxmemory");
    }

    [Fact]
    public void OptimizedConfigStartsFromTheRepositoryFile()
    {
        var text = RedisConfigText.Build(EnvironmentPresets.OptimizedSettings(), 6379, "secret");

        text.Should().Contain("maxmemory 2gb").And.Contain("maxmemory-policy allkeys-lru").And.Contain("maxclients 10000");
        text.IndexOf("requirepass secret", StringComparison.Ordinal).Should()
            .BeGreaterThan(text.IndexOf("maxmemory 2gb", StringComparison.Ordinal), "the suite's lines come last and win");
    }
}
