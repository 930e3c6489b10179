using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Perf.Reliability.Tests.Infrastructure;
using Xunit.Sdk;

namespace Perf.Reliability.Tests;

/// <summary>A baseline environment (1 worker) for the bad-input corpus, started once for the class.</summary>
public sealed class BadInputEnvironmentFixture(IMessageSink sink) : PerfEnvironmentFixture(EnvironmentPresets.Baseline, sink)
{
    protected override EnvironmentSettings Settings() => ReliabilitySettings.Baseline("bad-input");
}
