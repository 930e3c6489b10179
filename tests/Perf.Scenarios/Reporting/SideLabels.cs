namespace Perf.Scenarios.Reporting;

/// <summary>
/// Names for the two halves of an A/A run when they come from two builds (PERF_AA_LABELS=base,head), so the report
/// reads "base vs head" rather than "optimized-aa-a vs optimized-aa-b".
/// </summary>
public sealed record SideLabels(string A, string B)
{
    /// <summary>Parses "a,b": two different non-empty names of letters, digits, '.' or '_'.</summary>
    public static SideLabels Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_')) || parts[0] == parts[1])
        {
            throw new InvalidOperationException(
                $"PERF_AA_LABELS='{text}' is not two different names separated by a comma (letters, digits, '.' or '_'), e.g. base,head.");
        }

        return new SideLabels(parts[0], parts[1]);
    }
}
