using Perf.Engine.Running;

namespace Perf.Engine.Tests.Infrastructure;

/// <summary>What the tests of the engine's bounds share: quiet options, and a guard that stops a run only if it hangs.</summary>
internal static class BoundedRuns
{
    public static readonly RunOptions Quiet = new() { ProgressInterval = TimeSpan.FromHours(1) };

    /// <summary>
    /// A token cancelled after two minutes: long enough that only a hang (never a slow machine) reaches it, and a run
    /// it stopped says <c>cancelled</c>, which the tests assert is false.
    /// </summary>
    public static CancellationTokenSource HangGuard() => new(TimeSpan.FromMinutes(2));
}
