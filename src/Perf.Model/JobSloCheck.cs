using System.Globalization;

namespace Perf.Model;

/// <summary>One job-path SLO check with its measured and allowed value.</summary>
public sealed record JobSloCheck(string Name, double? Measured, double Allowed, string Unit, bool Passed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: measured {(Measured is { } m ? m.ToString("0.###", CultureInfo.InvariantCulture) + " " + Unit : "nothing (not measured)")}, allowed <= {Allowed:0.###} {Unit}");
}
