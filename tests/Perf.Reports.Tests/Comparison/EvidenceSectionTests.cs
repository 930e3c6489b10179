using Perf.Model.Accounting;
using Perf.Testing;

namespace Perf.Reports.Tests.Comparison;

public sealed class EvidenceSectionTests : IDisposable
{
    private readonly BuiltComparison _comparison = new();

    private static JobAudit Clean(long ids) => new("Redis result:{id}", "comparison-results/ledger-x-smoke.txt.gz", ids, 0, ids - 3, 3, 0, [], 0, [], 0, [],
        Drained: true, 0, [], [], AuditSeconds: 0.412);

    [Fact]
    public void SectionShowsEveryAuditFigureOfBothSides()
    {
        var lossy = Clean(4000) with { Stored = 3995, Lost = 2, LostSample = ["aa (job state: queued)", "bb (job state: missing)"], CounterDisagreements = ["the SUT counted 3996 processed, the store holds 3995 result(s)"] };

        var baseline = RunReportBuilder.Baseline();
        baseline.Audit = Clean(4500);
        var optimized = RunReportBuilder.Optimized();
        optimized.Audit = lossy;

        var markdown = _comparison.Markdown(baseline, optimized);

        markdown.Should().Contain("## Evidence by job id");
        markdown.Should().Contain("| ids checked (client ledger) | 4,500 | 4,000 |");
        markdown.Should().Contain("| lost (no outcome) | 0 | 2 |");
        markdown.Should().Contain("| audit time | 0.412 s | 0.412 s |");
        markdown.Should().Contain("| store checked | Redis result:{id} | Redis result:{id} |");
        markdown.Should().Contain("- optimized: lost 2: `aa (job state: queued)`, `bb (job state: missing)`.");
        markdown.Should().Contain("- optimized: SUT counters disagree with the audit: the SUT counted 3996 processed, the store holds 3995 result(s).");
    }

    [Fact]
    public void SideWithoutAuditSaysWhy()
    {
        var optimized = RunReportBuilder.Optimized();
        optimized.Audit = Clean(10);

        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), optimized);

        markdown.Should().Contain("| ids checked (client ledger) | n/a | 10 |");
        markdown.Should().Contain("- baseline: no audit (the report predates it).");
    }

    public void Dispose() => _comparison.Dispose();
}
