using Perf.Fixtures.Settings;

namespace Perf.Fixtures.Tests;

public sealed class PerfVariablesTests
{
    [Fact]
    public void ListsAreTrimmedAndIntegersSortedAndDistinct()
    {
        var env = new PerfVariables(new Dictionary<string, string> { ["PERF_W"] = " 5, 1,3 ,1", ["PERF_C"] = "optimized , baseline" });

        env.Ints("PERF_W", [2], 1, 64).Should().Equal(1, 3, 5);
        env.Names("PERF_C", ["baseline"], ["baseline", "optimized"]).Should().Equal("optimized", "baseline");
        env.Double("PERF_UNSET", 0.25, 0, 1).Should().Be(0.25);
        env.Problems.Should().BeEmpty();
    }

    [Fact]
    public void EveryBadValueIsNamedWithWhatIsAllowedAndReportedAtOnce()
    {
        var env = new PerfVariables(new Dictionary<string, string>
        {
            ["PERF_SCALE"] = "fast",
            ["PERF_WORKERS"] = "1,99",
            ["PERF_CONFIGS"] = "baseline,turbo",
            ["PERF_STEPS"] = "2.5",
        });

        env.Double("PERF_SCALE", 1, 0.01, 10).Should().Be(1, "a bad value leaves the fallback");
        env.Ints("PERF_WORKERS", [1], 1, 64);
        env.Names("PERF_CONFIGS", ["baseline"], ["baseline", "optimized"]);
        env.Int("PERF_STEPS", 20, 1, 100);
        var act = env.ThrowIfInvalid;

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().ContainAll(
            "PERF_SCALE='fast' is not a number from 0.01 to 10.",
            "PERF_WORKERS='1,99' is not a comma-separated list of integers from 1 to 64.",
            "PERF_CONFIGS='baseline,turbo': unknown name(s) turbo (allowed: baseline, optimized).",
            "PERF_STEPS='2.5' is not an integer from 1 to 100.");
    }
}
