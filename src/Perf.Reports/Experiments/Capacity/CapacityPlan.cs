using System.Globalization;

namespace Perf.Reports.Experiments.Capacity;

/// <summary>
/// How a capacity search steps: start at <see cref="StartRate"/>, multiply by <see cref="GrowthFactor"/> until a step
/// breaks (or <see cref="MaxRate"/> passes), then bisect until the bracket is within <see cref="Resolution"/>.
/// </summary>
public sealed record CapacityPlan
{
    public required double StartRate { get; init; }

    public double GrowthFactor { get; init; } = 2;

    /// <summary>Stop when (first broken − last sustained) / last sustained is at most this.</summary>
    public double Resolution { get; init; } = 0.05;

    public required double MaxRate { get; init; }

    /// <summary>Below this the search stops stepping down: the configuration sustains nothing worth measuring.</summary>
    public double MinRate { get; init; } = 1;

    public int MaxSteps { get; init; } = 20;

    public required TimeSpan StepDuration { get; init; }

    /// <summary>Steps a search needs at most: growth to the ceiling, then bisection down to the resolution.</summary>
    public int ExpectedSteps()
    {
        var growth = (int)Math.Ceiling(Math.Log(MaxRate / StartRate) / Math.Log(GrowthFactor)) + 1;
        var bisect = (int)Math.Ceiling(Math.Log((GrowthFactor - 1) / Resolution, 2));
        // One more: the broken end of the final bracket is confirmed by a second run.
        return Math.Min(MaxSteps, Math.Max(1, growth) + Math.Max(0, bisect) + 1);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"start {StartRate:0.#}/s, ×{GrowthFactor:0.##} per step up to {MaxRate:0}/s, then bisection to {Resolution:P0}; " +
        $"{StepDuration.TotalSeconds:0.#} s per step, at most {MaxSteps} steps");

    public void Validate()
    {
        var problems = new List<string>();
        if (!(StartRate > 0)) problems.Add($"start rate {StartRate} must be > 0");
        if (!(MaxRate >= StartRate)) problems.Add($"max rate {MaxRate} must be ≥ the start rate {StartRate}");
        if (!(GrowthFactor > 1)) problems.Add($"growth factor {GrowthFactor} must be > 1");
        if (!(Resolution is > 0 and < 1)) problems.Add($"resolution {Resolution} must be between 0 and 1");
        if (MaxSteps < 1) problems.Add($"max steps {MaxSteps} must be ≥ 1");
        if (StepDuration <= TimeSpan.Zero) problems.Add($"step duration {StepDuration} must be positive");
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid capacity plan: " + string.Join("; ", problems));
        }
    }
}
