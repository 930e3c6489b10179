using Perf.Engine.Profiles;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Settings;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>Bad profiles and settings fail fast, before anything starts, naming the file/setting and what is allowed.</summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
public sealed class BadConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("perf-badconfig-").FullName;

    [Theory]
    [InlineData("arrivalRate: 50", "arivalRate: 50", "config.phases[0].arivalRate", "unknown key (allowed: duration, arrivalRate, rampTo, arrivalCount, pause, name, maxVusers)")]
    [InlineData("arrivalRate: 50", "arrivalRate: fast", "config.phases[0].arrivalRate", "must be a number")]
    [InlineData("timeout: 5", "timeout: soon", "config.http.timeout", "must be a number")]
    [InlineData("    weight: 40", "    weight: 40\n    loop: 3", "scenarios[1].loop", "unknown key")]
    public void InvalidProfileNamesTheFileLineAndKey(string original, string replacement, string key, string problem)
    {
        var path = Path.Combine(_directory, "broken.yml");
        var text = File.ReadAllText(FaultLoad.ProfilePath);
        text.Should().Contain(original);
        // The broken key's line: where the replaced text starts in the shipped profile, plus the lines the replacement adds.
        var line = text[..text.IndexOf(original, StringComparison.Ordinal)].Count(c => c == '\n') + 1 + replacement.Count(c => c == '\n');
        File.WriteAllText(path, text.Replace(original, replacement, StringComparison.Ordinal));

        var act = () => ProfileLoader.Load(path);

        var error = act.Should().Throw<ProfileException>().Which;
        error.File.Should().Be(path);
        error.Line.Should().Be(line);
        error.Key.Should().Be(key);
        error.Message.Should().StartWith($"{path}:{line}: '{key}': ").And.Contain(problem);
    }

    [Fact]
    public void MissingProfileFileIsNamed()
    {
        var path = Path.Combine(_directory, "no-such-profile.yml");

        var act = () => ProfileLoader.Load(path);

        act.Should().Throw<ProfileException>().Which.Message.Should().Contain(path).And.Contain("file not found");
    }

    [Theory]
    [InlineData("PERF_BASELINE_WORKERS", "0", "PERF_BASELINE_WORKERS='0' is not an integer from 1 to 64")]
    [InlineData("PERF_STORE", "postgres", "PERF_STORE='postgres' is not allowed (allowed: mongo, redis)")]
    [InlineData("PERF_MODE", "cloud", "PERF_MODE='cloud' is not allowed (allowed: container, external)")]
    [InlineData("PERF_SIMULATED_DOWNSTREAM_MS", "-5", "PERF_SIMULATED_DOWNSTREAM_MS='-5' is not an integer from 0 to 60000")]
    [InlineData("PERF_DRAIN_TIMEOUT_S", "forever", "PERF_DRAIN_TIMEOUT_S='forever' is not an integer from 1 to 3600")]
    [InlineData("PERF_BASELINE_BACKPRESSURE", "yes", "PERF_BASELINE_BACKPRESSURE='yes' is not a boolean (allowed: true, false, 1, 0)")]
    [InlineData("PERF_API_URL", "ftp://127.0.0.1/", "PERF_API_URL='ftp://127.0.0.1/' is not an absolute http(s) URL")]
    public void InvalidSettingNamesTheVariableAndWhatIsAllowed(string variable, string value, string expected)
    {
        var act = () => PerfSettings.Load(null, new Dictionary<string, string> { [variable] = value });

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("fault-worker")]
    [InlineData("Baseline")]
    [InlineData("")]
    public void UnknownConfigurationNameListsTheAllowedNames(string name)
    {
        var act = () => EnvironmentPresets.ByName(name);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain($"'{name}'").And.Contain("Allowed: baseline, optimized");
    }

    [Fact]
    public void MissingRedisConfFailsAtSettingsTimeNamingTheFileAndTheSetting()
    {
        var missing = Path.Combine(_directory, "missing-redis.conf");

        var act = () => PerfSettings.Load(null, new Dictionary<string, string> { ["PERF_OPTIMIZED_REDIS_CONF"] = missing });

        act.Should().Throw<InvalidOperationException>().Which.Message
            .Should().Contain(missing).And.Contain("PERF_OPTIMIZED_REDIS_CONF").And.Contain("'none' for Redis defaults");
    }

    [Fact]
    public void MissingRedisConfFailsBeforeAnyContainerIsCreated()
    {
        var missing = Path.Combine(_directory, "gone-redis.conf");
        var settings = EnvironmentPresets.OptimizedSettings() with { RedisConfigFile = missing };

        var act = () => RedisConfigText.Build(settings, 6379, "unused");

        act.Should().Throw<FileNotFoundException>().Which.Message
            .Should().Contain(missing).And.Contain("PERF_OPTIMIZED_REDIS_CONF").And.Contain("'none'");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
