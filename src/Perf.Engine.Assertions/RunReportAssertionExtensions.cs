using Perf.Engine.Reporting;

namespace Perf.Engine.Assertions;

public static class RunReportAssertionExtensions
{
    /// <summary>Entry point: <c>report.Should().MeetThresholds(profile)</c>.</summary>
    public static RunReportAssertions Should(this RunReport report) => new(report);
}
