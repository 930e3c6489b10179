using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Perf.Reports.Experiments.Scaling;

namespace Perf.Scenarios.Experiments.Scaling;

/// <summary>Fits the Universal Scalability Law by bounded least squares (MathNet.Numerics' Levenberg–Marquardt).</summary>
public static class UniversalScalabilityLaw
{
    public static UslFit Fit(IReadOnlyList<(double Workers, double Throughput)> points)
    {
        if (points.Select(p => p.Workers).Distinct().Count() < 3)
        {
            throw new ArgumentException($"The USL has three parameters: it needs throughput at three or more distinct worker counts, got {points.Count} point(s).", nameof(points));
        }

        if (points.Any(p => !(p.Workers >= 1) || !(p.Throughput > 0) || !double.IsFinite(p.Throughput)))
        {
            throw new ArgumentException("Every point needs workers ≥ 1 and a positive, finite throughput: " +
                                        string.Join(", ", points.Select(p => $"({p.Workers}, {p.Throughput})")), nameof(points));
        }

        var x = Vector<double>.Build.DenseOfEnumerable(points.Select(p => p.Workers));
        var y = Vector<double>.Build.DenseOfEnumerable(points.Select(p => p.Throughput));
        var smallest = points.MinBy(p => p.Workers);
        var lambdaGuess = smallest.Throughput / smallest.Workers;
        var model = ObjectiveFunction.NonlinearModel(
            new Func<Vector<double>, double, double>((p, n) => p[0] * n / (1 + p[1] * (n - 1) + p[2] * n * (n - 1))), x, y, accuracyOrder: 2);
        var result = new LevenbergMarquardtMinimizer(maximumIterations: 10_000).FindMinimum(model,
            Vector<double>.Build.Dense([lambdaGuess, 0.05, 0.001]),
            lowerBound: Vector<double>.Build.Dense([lambdaGuess * 1e-3, 0, 0]),
            upperBound: Vector<double>.Build.Dense([lambdaGuess * 1e3, 1, 1]));
        var p = result.MinimizingPoint;
        var fit = new UslFit(p[0], p[1], p[2], 0, points.Count);
        var mean = y.Average();
        var residual = points.Sum(pt => Math.Pow(pt.Throughput - fit.Throughput(pt.Workers), 2));
        var total = points.Sum(pt => Math.Pow(pt.Throughput - mean, 2));
        return fit with { RSquared = total > 0 ? 1 - residual / total : 1 };
    }
}
