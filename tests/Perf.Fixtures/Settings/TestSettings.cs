namespace Perf.Fixtures.Settings;

/// <summary>What some test projects take from the machine instead of starting or finding it themselves.</summary>
public sealed class TestSettings
{
    /// <summary>The Chromium the HTML report test opens the report in; unset: Debian's /usr/bin/chromium (eng/test.sh installs it) or Google Chrome.</summary>
    [EnvironmentVariable("PERF_CHROMIUM", Accepts = "an executable file's path")]
    public string? Chromium { get; set; }

    /// <summary>An already running, empty Redis (StackExchange.Redis configuration) for the system under test's integration tests; unset: they start a Redis container.</summary>
    [EnvironmentVariable("SUT_TEST_REDIS", Accepts = "a StackExchange.Redis configuration")]
    public string? SutRedis { get; set; }
}
