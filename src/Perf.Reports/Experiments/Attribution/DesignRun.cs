namespace Perf.Reports.Experiments.Attribution;

/// <summary>One run of a two-level design: every knob at its low (baseline) or high (optimized) level.</summary>
public sealed record DesignRun(int Index, IReadOnlyDictionary<Knob, bool> Levels)
{
    public string Name => "run" + (Index + 1);

    /// <summary>+1 for high, −1 for low; the product over several knobs is their interaction column.</summary>
    public int Sign(IEnumerable<Knob> knobs) => knobs.Aggregate(1, (sign, knob) => Levels[knob] ? sign : -sign);

    public string Describe() => string.Join(", ", Levels.Select(l => $"{l.Key} {(l.Value ? "+" : "−")}"));
}
