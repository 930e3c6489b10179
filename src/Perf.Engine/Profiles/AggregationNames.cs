namespace Perf.Engine.Profiles;

/// <summary>The profile names of <see cref="Aggregation"/> values, e.g. <c>p95</c>.</summary>
public static class AggregationNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<Aggregation>().Select(Name)];

    public static string Name(Aggregation aggregation) => aggregation.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out Aggregation aggregation)
    {
        foreach (var value in Enum.GetValues<Aggregation>())
        {
            if (string.Equals(Name(value), name, StringComparison.Ordinal))
            {
                aggregation = value;
                return true;
            }
        }

        aggregation = default;
        return false;
    }
}
