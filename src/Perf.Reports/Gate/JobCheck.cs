namespace Perf.Reports.Gate;

/// <summary>One job-path SLO check of a head report; an enforced one that failed fails the gate.</summary>
internal sealed record JobCheck(string Report, string Name, double? Measured, double Allowed, string Unit, bool Passed, bool Enforced)
{
    public string Describe() =>
        $"{Name} in {Report}: {(Measured is { } m ? $"{GateText.Significant(m)} {Unit}" : "not measured")}, allowed <= {GateText.Significant(Allowed)} {Unit}";
}
