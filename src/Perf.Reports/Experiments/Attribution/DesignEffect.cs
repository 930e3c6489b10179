namespace Perf.Reports.Experiments.Attribution;

/// <summary>A column of the design whose effect is estimated: one knob (a main effect) or a product of knobs (an interaction).</summary>
public sealed record DesignEffect(IReadOnlyList<Knob> Knobs, string? AliasedWith = null)
{
    public string Name => string.Join(" × ", Knobs);
}
