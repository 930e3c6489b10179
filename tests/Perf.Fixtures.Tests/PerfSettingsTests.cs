using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Fixtures.Tests;

public sealed class PerfSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("perfsettings-").FullName;

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
        var settings = PerfSettings.Load(null, new Dictionary<string, string> { ["PERF_OPTIMIZED_WORKERS"] = "3", ["PERF_STORE"] = "redis" });

        settings.Environment(EnvironmentPresets.Baseline).WorkerCount.Should().Be(1);
        settings.Environment(EnvironmentPresets.Optimized).WorkerCount.Should().Be(3);
        settings.Environment(EnvironmentPresets.Baseline).Store.Should().Be(StoreKind.Redis);
        settings.Environment(EnvironmentPresets.Optimized).Store.Should().Be(StoreKind.Redis);
    }

    [Fact]
    public void TheFileSetsValuesAndEnvironmentVariablesOverrideThem()
    {
        var file = Write("""
            {
              "System": { "Kind": "bullmq", "Store": "redis" }, // comments are allowed
              "Bullmq": { "Queues": [ "a", "b", "c" ] },
              "Baseline": { "Workers": 2 },
              "Scaling": { "Workers": "8, 2,2" }
            }
            """);

        var settings = PerfSettings.Load(file, new Dictionary<string, string> { ["PERF_STORE"] = "mongo", ["PERF_BULLMQ_QUEUES"] = " x , y", ["PERF_MODE"] = " " });

        settings.System.Kind.Should().Be(JobSystemKind.Bullmq, "the file sets it");
        settings.System.Store.Should().Be(StoreKind.Mongo, "the variable wins over the file");
        settings.System.Mode.Should().Be(TargetMode.Container, "a blank variable counts as unset");
        settings.Bullmq.Queues.Should().Equal(["x", "y"], "a list variable replaces the file's whole array");
        settings.Baseline.Workers.Should().Be(2);
        settings.Scaling.Workers.Should().Equal(2, 8);
        settings.Optimized.Workers.Should().Be(5, "the default stays where nothing is set");
    }

    [Fact]
    public void EveryInvalidSettingIsReportedInOneMessageNamingTheVariableOrTheFileAndPath()
    {
        var file = Write("""
            {
              "System": { "WorkerConcurrency": 0, "Sytem": 1 },
              "Capacity": { "Configurations": [ "baseline", "turbo" ] },
              "Runs": { "Profile": "1k" }
            }
            """);
        var variables = new Dictionary<string, string>
        {
            ["PERF_BASELINE_WORKERS"] = "zero",
            ["PERF_NETWORK_MODE"] = "overlay",
            ["PERF_OPTIMIZED_BACKPRESSURE"] = "maybe",
            ["PERF_API_URL"] = "not a url",
            ["PERF_SCALING_WORKERS"] = "1,99",
            ["PERF_TIME_SCALE"] = "0",
            ["PERF_AA_HALF"] = "c",
            ["PERF_SYSTEM"] = "1",
        };

        var act = () => PerfSettings.Load(file, variables);

        act.Should().Throw<PerfSettingsException>().Which.Message.Should().ContainAll(
            "PERF_BASELINE_WORKERS='zero' is not an integer from 1 to 64.",
            "PERF_NETWORK_MODE='overlay' is not allowed (allowed: bridge, host).",
            "PERF_OPTIMIZED_BACKPRESSURE='maybe' is not a boolean (allowed: true, false, 1, 0).",
            "PERF_API_URL='not a url' is not an absolute http(s) URL.",
            "PERF_SCALING_WORKERS='1,99' is not a comma-separated list of integers from 1 to 64.",
            "PERF_TIME_SCALE='0' is not a number from 0.01 to 10.",
            "PERF_AA_HALF='c' has unknown value(s) c (allowed: a, b).",
            "PERF_SYSTEM='1' is not allowed (allowed: streams, bullmq).",
            $"{file}: System:WorkerConcurrency='0' is not an integer from 1 to 1024.",
            $"{file}: Capacity:Configurations='baseline,turbo' has unknown value(s) turbo (allowed: a comma-separated list of: baseline, optimized).",
            $"{file}: 'System:Sytem' is not a setting",
            $"{file}: 'Runs:Profile' is not a setting");
    }

    [Fact]
    public void AFileThatIsNotJsonIsNamed()
    {
        var file = Write("{ \"System\": ");

        var act = () => PerfSettings.Load(file, new Dictionary<string, string>());

        act.Should().Throw<PerfSettingsException>().Which.Message.Should().Contain(file).And.Contain("not valid JSON");
    }

    [Fact]
    public void AMissingFileMeansDefaults()
    {
        var settings = PerfSettings.Load(Path.Combine(_directory, "absent.json"), new Dictionary<string, string>());

        settings.Run.Profile.Should().Be("smoke");
        settings.Environment(EnvironmentPresets.Optimized).Should().BeEquivalentTo(EnvironmentPresets.OptimizedSettings());
    }

    [Fact]
    public void MissingRedisConfigFileNamesTheFileAndTheSetting()
    {
        var variables = new Dictionary<string, string> { ["PERF_OPTIMIZED_REDIS_CONF"] = "no/such/redis.conf" };

        var act = () => PerfSettings.Load(null, variables);

        act.Should().Throw<PerfSettingsException>()
            .Which.Message.Should().Contain("no/such/redis.conf").And.Contain("PERF_OPTIMIZED_REDIS_CONF (Optimized:RedisConf)");
    }

    [Fact]
    public void ExternalModeRequiresTheApiUrlAndRedisConnection()
    {
        var variables = new Dictionary<string, string> { ["PERF_MODE"] = "external" };

        var act = () => PerfSettings.Load(null, variables);

        act.Should().Throw<PerfSettingsException>()
            .Which.Problems.Should().HaveCount(2).And.Contain(p => p.Contains("PERF_API_URL (External:ApiUrl)", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("PERF_REDIS_CONNECTION (External:RedisConnection)", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownConfigurationNameListsTheAllowedNames()
    {
        var act = () => EnvironmentPresets.ByName("turbo");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("'turbo'").And.Contain("baseline, optimized");
    }

    [Fact]
    public void TheExampleFileHoldsEveryDefault()
    {
        var example = PerfSettings.Load(Path.Combine(RepositoryPaths.Root, SettingsReference.ExamplePath), new Dictionary<string, string>());

        foreach (var setting in SettingDescriptor.All)
        {
            setting.GetValue(example).Should().BeEquivalentTo(setting.GetValue(PerfSettings.Defaults), setting.Path);
        }
    }

    private string Write(string json)
    {
        var file = Path.Combine(_directory, "perfsettings.json");
        File.WriteAllText(file, json);
        return file;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
