using System.Diagnostics.Metrics;

namespace Perf.Engine.Telemetry;

/// <summary>Counts by attribute set (<see cref="TaggedCount.Identity"/>), added up: the totals of an observed counter.</summary>
internal sealed class CounterTotals
{
    private readonly Dictionary<string, TaggedCount> _counts = new(StringComparer.Ordinal);

    public void Add(IEnumerable<TaggedCount> counts)
    {
        foreach (var count in counts)
        {
            _counts[count.Identity] = _counts.TryGetValue(count.Identity, out var sum) ? sum with { Value = sum.Value + count.Value } : count;
        }
    }

    public CounterTotals Copy()
    {
        var copy = new CounterTotals();
        copy.Add(_counts.Values);
        return copy;
    }

    public List<Measurement<long>> Measurements() => [.. _counts.Values.Select(c => new Measurement<long>(c.Value, c.Tags))];
}
