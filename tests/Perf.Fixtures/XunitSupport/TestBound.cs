using Xunit;

namespace Perf.Fixtures.XunitSupport;

/// <summary>
/// A long run's own time limit, linked to the test's cancellation: the run stops when its limit passes or when xUnit
/// cancels the test (a cancelled test run, a runner that gives up), whichever comes first.
/// </summary>
public static class TestBound
{
    public static CancellationTokenSource Within(TimeSpan limit)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(limit);
        return bound;
    }
}
