using Perf.Fixtures.Settings;
using Xunit.Sdk;

namespace Perf.Fixtures.XunitSupport;

/// <summary>The baseline configuration (1 worker, Redis defaults, no pooling, no backpressure), started once per collection.</summary>
public sealed class BaselineEnvironmentFixture(IMessageSink sink) : PerfEnvironmentFixture(EnvironmentPresets.Baseline, sink)
{
    public const string Name = "baseline environment";
}
