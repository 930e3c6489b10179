using Perf.Model;

namespace Perf.Reports.Experiments;

/// <summary>When and where an experiment ran, and how busy the machine was: every experiment report starts with it.</summary>
public sealed record ExperimentContext(DateTimeOffset StartedAt, DateTimeOffset EndedAt, MachineInfo Machine, double? LoadAverageAtStart,
    double? LoadAverageAtEnd, bool Tiny)
{
    public double WallSeconds => Math.Round((EndedAt - StartedAt).TotalSeconds, 1);

    public static ExperimentContext Begin(bool tiny) => new(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, MachineInfo.Current(), MachineLoad.OneMinute(), null, tiny);

    public ExperimentContext End() => this with { EndedAt = DateTimeOffset.UtcNow, LoadAverageAtEnd = MachineLoad.OneMinute() };
}
