using Perf.Engine.Profiles;

namespace Perf.Engine.Tests.Infrastructure;

/// <summary>Small profiles built with the code-first API.</summary>
internal static class TestProfiles
{
    /// <summary>One constant-rate phase and one scenario "main" with the given flow; 5 s request timeout.</summary>
    public static LoadProfile Single(Uri target, double seconds, double rate, Action<FlowBuilder> flow) =>
        ProfileBuilder.Create("inline")
            .WithTarget(target)
            .WithHttpTimeout(TimeSpan.FromSeconds(5))
            .WithLoad(Load.ConstantRate(rate, TimeSpan.FromSeconds(seconds)))
            .WithScenario("main", flow)
            .Build();
}
