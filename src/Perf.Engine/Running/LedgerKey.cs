namespace Perf.Engine.Running;

/// <summary>
/// Names one ledger key: the value captured as <see cref="Capture"/> (a <c>capture: as:</c> name) by the request
/// <see cref="RequestKey"/> ("METHOD url-template", e.g. "POST /payments"). Every successful answer of that request
/// adds its captured value to the run's <see cref="ClientLedger"/>.
/// </summary>
public sealed record LedgerKey(string RequestKey, string Capture)
{
    public override string ToString() => $"{RequestKey} -> {Capture}";
}
