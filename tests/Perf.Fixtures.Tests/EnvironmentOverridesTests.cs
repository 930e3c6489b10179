using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures.Tests;

public class EnvironmentOverridesTests
{
    [Fact]
    public void PresetsMatchTheDesignTable()
    {
        var baseline = EnvironmentPresets.BaselineSettings();
        var optimized = EnvironmentPresets.OptimizedSettings();

        baseline.WorkerCount.Should().Be(1);
        baseline.RedisConfigFile.Should().BeNull("baseline runs Redis with its defaults");
        baseline.RedisPoolSize.Should().Be(1, "pooling is off in the baseline");
        baseline.BackpressureEnabled.Should().BeFalse();
        optimized.WorkerCount.Should().Be(5);
        Path.GetFileName(optimized.RedisConfigFile).Should().Be("redis.conf");
        File.Exists(optimized.RedisConfigFile).Should().BeTrue();
        optimized.RedisPoolSize.Should().BeGreaterThan(1);
        optimized.BackpressureEnabled.Should().BeTrue();
    }

    [Fact]
    public void ScopedVariablesOverrideOnlyTheirConfiguration()
    {
        var variables = new Dictionary<string, string> { ["PERF_OPTIMIZED_WORKERS"] = "3", ["PERF_STORE"] = "redis" };

        var baseline = EnvironmentOverrides.Apply(EnvironmentPresets.BaselineSettings(), variables);
        var optimized = EnvironmentOverrides.Apply(EnvironmentPresets.OptimizedSettings(), variables);

        baseline.WorkerCount.Should().Be(1);
        optimized.WorkerCount.Should().Be(3);
        baseline.Store.Should().Be(StoreKind.Redis);
        optimized.Store.Should().Be(StoreKind.Redis);
    }

    [Fact]
    public void EveryInvalidSettingIsReportedAtOnceWithWhatIsAllowed()
    {
        var variables = new Dictionary<string, string>
        {
            ["PERF_BASELINE_WORKERS"] = "zero",
            ["PERF_NETWORK_MODE"] = "overlay",
            ["PERF_BASELINE_BACKPRESSURE"] = "maybe",
            ["PERF_API_URL"] = "not a url",
        };

        var act = () => EnvironmentOverrides.Apply(EnvironmentPresets.BaselineSettings(), variables);

        act.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().ContainAll(
                "PERF_BASELINE_WORKERS='zero' is not an integer from 1 to 64",
                "PERF_NETWORK_MODE='overlay' is not allowed (allowed: bridge, host)",
                "PERF_BASELINE_BACKPRESSURE='maybe' is not a boolean",
                "PERF_API_URL='not a url' is not an absolute http(s) URL");
    }

    [Fact]
    public void MissingRedisConfigFileNamesTheFileAndTheSetting()
    {
        var variables = new Dictionary<string, string> { ["PERF_OPTIMIZED_REDIS_CONF"] = "no/such/redis.conf" };

        var act = () => EnvironmentOverrides.Apply(EnvironmentPresets.OptimizedSettings(), variables);

        act.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("no/such/redis.conf").And.Contain("PERF_OPTIMIZED_REDIS_CONF");
    }

    [Fact]
    public void ExternalModeRequiresTheApiUrlAndRedisConnection()
    {
        var variables = new Dictionary<string, string> { ["PERF_MODE"] = "external" };

        var act = () => EnvironmentOverrides.Apply(EnvironmentPresets.BaselineSettings(), variables);

        act.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("PERF_API_URL").And.Contain("PERF_REDIS_CONNECTION");
    }

    [Fact]
    public void UnknownConfigurationNameListsTheAllowedNames()
    {
        var act = () => EnvironmentPresets.ByName("turbo");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("'turbo'").And.Contain("baseline, optimized");
    }
}
