using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>Accepted jobs were lost: a job system must not lose accepted work, whatever its throughput.</summary>
internal sealed class LostJobsRule : SystemRule
{
    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        var jobs = report.Jobs;
        if (jobs.Lost <= 0)
        {
            return null;
        }

        var cause = jobs.Notes.Count > 0 ? "the accounting notes say: " + string.Join(" / ", jobs.Notes) : "the accounting recorded no cause";
        var evicted = side.EvictedKeys is > 0 ? $"; Redis evicted {NumberText.F(side.EvictedKeys)} keys in the same run" : "";
        return new("jobs-lost", $"{side.Name}: {NumberText.F(jobs.Lost)} accepted job(s) were lost",
            $"accepted {NumberText.F(jobs.Accepted)}, processed {NumberText.F(jobs.Processed)}, dead-lettered {NumberText.F(jobs.DeadLettered)}, " +
            $"still queued {NumberText.F(jobs.StillQueued)}; {cause}{evicted}",
            "a job system must not lose accepted work: fix the cause before comparing throughput");
    }
}
