namespace Perf.Reports.Comparison;

/// <summary>
/// Experiment results the comparison links (capacity searches, an attribution), as the caller found them beside its
/// artifacts; the report only cites them. <see cref="None"/> when there are none, e.g. for <c>perf compare</c>.
/// </summary>
/// <param name="Directory">Where the experiment reports are; links are relative to the Markdown.</param>
/// <param name="CapacitySentence">"optimized sustains X/s, baseline Y/s", or null without a capacity search.</param>
/// <param name="Capacities">The capacity search of each configuration, by configuration name.</param>
/// <param name="Attribution">The latest attribution, or null.</param>
/// <param name="Problems">Experiment files that could not be read, with why.</param>
public sealed record ExperimentLinks(string Directory, string? CapacitySentence, IReadOnlyList<CapacityLink> Capacities, AttributionLink? Attribution,
    IReadOnlyList<string> Problems)
{
    public static ExperimentLinks None { get; } = new("", null, [], null, []);

    public bool IsEmpty => Capacities.Count == 0 && Attribution is null;
}
