namespace Perf.Reports.Experiments.Attribution;

/// <summary>
/// Two-level designs over the knobs. The half fraction 2^(4−1) sets the fourth knob to the product of the other three
/// (I = ABCD, resolution IV): 8 runs that include the baseline (all low) and the optimized configuration (all high), give
/// every main effect free of two-knob interactions, and pair each two-knob interaction with its complement.
/// </summary>
public sealed record TwoLevelDesign(string Name, IReadOnlyList<Knob> Knobs, IReadOnlyList<DesignRun> Runs, IReadOnlyList<DesignEffect> Effects)
{
    public static TwoLevelDesign HalfFraction(Knob a, Knob b, Knob c, Knob generated)
    {
        var runs = new List<DesignRun>();
        foreach (var (la, lb, lc) in Corners3())
        {
            // In ±1 coding D = A·B·C: D is high exactly when an odd number of A, B, C are high.
            var levels = new Dictionary<Knob, bool> { [a] = la, [b] = lb, [c] = lc, [generated] = la ^ lb ^ lc };
            runs.Add(new DesignRun(runs.Count, levels));
        }

        Knob[] Complement(Knob x, Knob y) => new[] { a, b, c, generated }.Where(k => k != x && k != y).ToArray();
        var effects = new List<DesignEffect> { new([a]), new([b]), new([c]), new([generated]) };
        // A × C names the workers × pooling interaction the issue asks for when the knobs come in the default order.
        effects.Add(new DesignEffect([a, c], string.Join(" × ", Complement(a, c))));
        return new TwoLevelDesign($"2^(4-1) half fraction, {generated} = {a} × {b} × {c}", [a, b, c, generated], runs, effects);
    }

    public static TwoLevelDesign FullFactorial(Knob a, Knob b)
    {
        var runs = new[] { (false, false), (true, false), (false, true), (true, true) }
            .Select((l, i) => new DesignRun(i, new Dictionary<Knob, bool> { [a] = l.Item1, [b] = l.Item2 })).ToList();
        return new TwoLevelDesign($"2^2 full factorial over {a} and {b}", [a, b], runs, [new([a]), new([b]), new([a, b])]);
    }

    private static IEnumerable<(bool, bool, bool)> Corners3()
    {
        for (var i = 0; i < 8; i++)
        {
            yield return ((i & 1) != 0, (i & 2) != 0, (i & 4) != 0);
        }
    }
}
