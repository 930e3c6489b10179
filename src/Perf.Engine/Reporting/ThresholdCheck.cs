namespace Perf.Engine.Reporting;

/// <summary>One evaluated ensure check, passed or not, so a report shows the margin of the ones that held.</summary>
public sealed record ThresholdCheck(string Expression, string Scope, double Measured, double Allowed, string Unit, bool Passed);
