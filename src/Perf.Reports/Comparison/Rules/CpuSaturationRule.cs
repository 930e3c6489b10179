using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>The machine's cores were saturated for a real share of the load: the machine, not the configuration, was the bottleneck.</summary>
internal sealed class CpuSaturationRule : SystemRule
{
    public const double SaturatedPercent = 80;

    /// <summary>The share of the load window's samples above <see cref="SaturatedPercent"/> that makes the machine the bottleneck.</summary>
    public const double SaturatedShare = 0.10;

    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        var busy = side.LoadWindow.Count(p => p.HostCpuPercent > SaturatedPercent);
        // A lone busy second is no bottleneck: the cores must have been saturated for a real share of the load.
        if (side.HostCpuPeak is not { } peak || !(peak > SaturatedPercent) || busy < SaturatedShare * side.LoadWindow.Count)
        {
            return null;
        }

        return new("cpu-saturated", $"{side.Name}: the machine, not the configuration, was the bottleneck",
            $"host CPU peaked at {NumberText.F(peak)} % (average {NumberText.F(side.HostCpuAverage)} %, {busy} of {side.LoadWindow.Count} samples above " +
            $"{SaturatedPercent:0} %) on {report.Machine.Cores} cores shared by generator and system",
            "compare the two configurations by ratios only; for absolute capacity run the generator on another machine or scale out the API and workers");
    }
}
