using System.Text;

namespace Perf.Engine.Reporting;

/// <summary>The outcome of every ensure check of a profile; <see cref="ToString"/> lists all breaches.</summary>
public sealed record ThresholdResult(IReadOnlyList<ThresholdCheck> Checks, IReadOnlyList<ThresholdBreach> Breaches)
{
    public bool Passed => Breaches.Count == 0;

    public override string ToString()
    {
        if (Passed)
        {
            return $"all {Checks.Count} threshold(s) met";
        }

        var text = new StringBuilder($"{Breaches.Count} of {Checks.Count} threshold(s) breached:");
        foreach (var breach in Breaches)
        {
            text.AppendLine().Append("  - ").Append(breach);
        }

        return text.ToString();
    }
}
