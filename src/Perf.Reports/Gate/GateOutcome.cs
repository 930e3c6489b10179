namespace Perf.Reports.Gate;

/// <summary>The gate's summary (Markdown for $GITHUB_STEP_SUMMARY) and whether it failed.</summary>
public sealed record GateOutcome(string Markdown, bool Failed);
