namespace Perf.Engine.Reporting;

/// <summary>Lookups by name that never return null: a miss names what the report does have.</summary>
internal static class ReportLookup
{
    public static T Get<T>(IReadOnlyList<T> items, Func<T, string> key, string wanted, string what) =>
        TryGet(items, key, wanted, out var found)
            ? found
            : throw new KeyNotFoundException(
                $"the report has no {what} '{wanted}' (it has: {(items.Count == 0 ? "none" : string.Join(", ", items.Select(i => $"'{key(i)}'")))})");

    public static bool TryGet<T>(IReadOnlyList<T> items, Func<T, string> key, string wanted, out T found)
    {
        foreach (var item in items)
        {
            if (string.Equals(key(item), wanted, StringComparison.Ordinal))
            {
                found = item;
                return true;
            }
        }

        found = default!;
        return false;
    }
}
