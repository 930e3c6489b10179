namespace Perf.Reports.Experiments.Capacity;

/// <summary>One check a step failed, with the measured and allowed values in the message.</summary>
public sealed record StepBreach(StepCheck Check, string Message);
