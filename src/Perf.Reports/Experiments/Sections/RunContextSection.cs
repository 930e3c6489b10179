using System.Text;

namespace Perf.Reports.Experiments.Sections;

/// <summary>When and on what machine the experiment ran, how busy that machine was, and whether this is the tiny version.</summary>
internal sealed class RunContextSection : IReportSection<IExperimentReportContext>
{
    public void Write(IExperimentReportContext context, StringBuilder md)
    {
        var run = context.Run;
        var machine = run.Machine;
        md.AppendLine($"Run {NumberText.Time(run.StartedAt)} → {NumberText.Time(run.EndedAt)} (wall time {NumberText.F(run.WallSeconds, "0")} s) on {machine.HostName}: " +
                      $"{machine.Cores} cores ({machine.CpuModel}), {NumberText.F(machine.MemoryGb)} GB, {machine.DotnetVersion}.").AppendLine();
        md.AppendLine($"> **Shared machine:** the load generator, the system under test and everything else on this host share its " +
                      $"{machine.Cores} cores. The 1-minute load average was {NumberText.F(run.LoadAverageAtStart, "0.0")} at the start and " +
                      $"{NumberText.F(run.LoadAverageAtEnd, "0.0")} at the end; with more runnable processes than cores, absolute numbers are lower " +
                      "than on a quiet machine, and only ratios measured in one run compare.").AppendLine();
        if (run.Tiny)
        {
            md.AppendLine("> **Tiny version:** small steps and short phases on a deliberately slow system, to keep the orchestration " +
                          "working in CI. Its numbers say nothing about the real configurations.").AppendLine();
        }
    }
}
