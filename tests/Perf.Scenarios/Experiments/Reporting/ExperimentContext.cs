using System.Text;
using Perf.Model;

namespace Perf.Scenarios.Experiments.Reporting;

/// <summary>When and where an experiment ran, and how busy the machine was: every experiment report starts with it.</summary>
public sealed record ExperimentContext(DateTimeOffset StartedAt, DateTimeOffset EndedAt, MachineInfo Machine, double? LoadAverageAtStart,
    double? LoadAverageAtEnd, bool Tiny)
{
    public double WallSeconds => Math.Round((EndedAt - StartedAt).TotalSeconds, 1);

    public static ExperimentContext Begin(bool tiny) => new(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, MachineInfo.Current(), MachineLoad.OneMinute(), null, tiny);

    public ExperimentContext End() => this with { EndedAt = DateTimeOffset.UtcNow, LoadAverageAtEnd = MachineLoad.OneMinute() };

    internal void WriteTo(StringBuilder md)
    {
        md.AppendLine($"Run {NumberText.Time(StartedAt)} → {NumberText.Time(EndedAt)} (wall time {NumberText.F(WallSeconds, "0")} s) on {Machine.HostName}: " +
                      $"{Machine.Cores} cores ({Machine.CpuModel}), {NumberText.F(Machine.MemoryGb)} GB, {Machine.DotnetVersion}.").AppendLine();
        md.AppendLine($"> **Shared machine:** the load generator, the system under test and everything else on this host share its " +
                      $"{Machine.Cores} cores. The 1-minute load average was {NumberText.F(LoadAverageAtStart, "0.0")} at the start and " +
                      $"{NumberText.F(LoadAverageAtEnd, "0.0")} at the end; with more runnable processes than cores, absolute numbers are lower " +
                      "than on a quiet machine, and only ratios measured in one run compare.").AppendLine();
        if (Tiny)
        {
            md.AppendLine("> **Tiny version:** small steps and short phases on a deliberately slow system, to keep the orchestration " +
                          "working in CI. Its numbers say nothing about the real configurations.").AppendLine();
        }
    }
}
