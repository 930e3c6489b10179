using System.Globalization;

namespace Perf.Engine.Reporting;

/// <summary>One failed ensure check with the value measured and the value allowed.</summary>
public sealed record ThresholdBreach(string Expression, string Scope, double Measured, double Allowed, string Unit)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Expression} [{Scope}]: measured {Measured:0.###} {Unit}, allowed {(Unit == "%" ? "<=" : "<")} {Allowed:0.###} {Unit}");
}
