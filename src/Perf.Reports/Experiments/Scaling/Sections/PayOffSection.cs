using System.Text;

namespace Perf.Reports.Experiments.Scaling.Sections;

/// <summary>
/// Where more workers stop paying off (the first step that adds less than <see cref="PayOffShare"/> of one worker's
/// throughput per added worker) and why: the cores when host CPU is at least <see cref="CpuBoundPercent"/>, else elsewhere.
/// </summary>
internal sealed class PayOffSection : IReportSection<ScalingReportContext>
{
    /// <summary>A worker "pays off" while the next measured point adds at least this share of one worker's throughput per added worker.</summary>
    public const double PayOffShare = 0.25;

    /// <summary>Host CPU above this during a drain counts as the cores being the limit.</summary>
    public const double CpuBoundPercent = 85;

    public void Write(ScalingReportContext context, StringBuilder md)
    {
        var result = context.Result;
        md.AppendLine("## Where more workers stop paying off").AppendLine();
        var points = result.Points.OrderBy(p => p.Workers).ToList();
        var one = points[0].JobsPerSecond / points[0].Workers;
        ScalingPoint? knee = null;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var gain = (points[i + 1].JobsPerSecond - points[i].JobsPerSecond) / (points[i + 1].Workers - points[i].Workers);
            if (gain < one * PayOffShare)
            {
                knee = points[i];
                break;
            }
        }

        if (knee is null)
        {
            md.AppendLine($"Every measured step added at least {PayOffShare:P0} of one worker's throughput ({NumberText.F(one)} jobs/s) per added worker: " +
                          $"up to {points[^1].Workers} workers, more still paid off on this machine.").AppendLine();
            var last = points[^1];
            var before = points[^2];
            md.AppendLine($"But the return falls: from {before.Workers} to {last.Workers} workers each added worker gave " +
                          $"{NumberText.F((last.JobsPerSecond - before.JobsPerSecond) / (last.Workers - before.Workers))} jobs/s " +
                          $"({NumberText.F(100 * (last.JobsPerSecond - before.JobsPerSecond) / (last.Workers - before.Workers) / one, "0")} % of the first), and " +
                          $"{last.Workers} workers reached {NumberText.F(100 * last.JobsPerSecond / last.IoCeiling, "0")} % of the {NumberText.F(last.IoCeiling, "0")} jobs/s " +
                          $"their {last.DownstreamMs} ms downstream wait allows, with host CPU at {NumberText.F(last.HostCpuPercent, "0")} % of {result.Cores} cores: " +
                          "the slots still overlap their waits, but the CPU each job needs (Redis reads, the outcome script, the acknowledgement) runs out first.").AppendLine();
            return;
        }

        var next = points[points.IndexOf(knee) + 1];
        md.AppendLine($"**From {knee.Workers} worker(s) on.** Going from {knee.Workers} to {next.Workers} added " +
                      $"{NumberText.F((next.JobsPerSecond - knee.JobsPerSecond) / (next.Workers - knee.Workers))} jobs/s per added worker, less than " +
                      $"{PayOffShare:P0} of what the first worker gives ({NumberText.F(one)} jobs/s).").AppendLine();
        var cpu = next.HostCpuPercent;
        var why = cpu >= CpuBoundPercent
            ? $"the cores: host CPU was {NumberText.F(cpu, "0")} % of {result.Cores} cores while {next.Workers} workers drained, while their " +
              $"downstream wait alone would allow {NumberText.F(next.IoCeiling, "0")} jobs/s ({NumberText.F(100 * next.JobsPerSecond / next.IoCeiling, "0")} % reached). " +
              $"Each job waits {next.DownstreamMs} ms on I/O, which more slots overlap for free, but its Redis reads, the store script and the " +
              "acknowledgement cost CPU, and the 2 shared cores run out before the waiting slots do"
            : $"not the cores (host CPU {NumberText.F(cpu, "0")} %, below {CpuBoundPercent:0} %): with {NumberText.F(100 * next.JobsPerSecond / next.IoCeiling, "0")} % of the " +
              $"I/O ceiling reached, the limit is elsewhere — Redis (single-threaded), polling delays or the {next.DownstreamMs} ms downstream wait per slot";
        md.AppendLine($"Why: {why}.").AppendLine();
    }
}
