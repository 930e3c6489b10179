using Perf.Fixtures.Settings;
using Xunit.Sdk;

namespace Perf.Fixtures.XunitSupport;

/// <summary>The optimized configuration (5 workers, redis.conf, pooling, backpressure), started once per collection.</summary>
public sealed class OptimizedEnvironmentFixture(IMessageSink sink) : PerfEnvironmentFixture(EnvironmentPresets.Optimized, sink)
{
    public const string Name = "optimized environment";
}
