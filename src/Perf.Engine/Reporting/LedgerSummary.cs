namespace Perf.Engine.Reporting;

/// <summary>One ledger key of a run: how many values the clients recorded, and how many did not fit (0 unless the ledger overflowed).</summary>
public sealed record LedgerSummary(string RequestKey, string Capture, long Count, long Dropped);
