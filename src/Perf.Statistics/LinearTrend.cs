using MathNet.Numerics.LinearRegression;
using MathNet.Numerics.Distributions;

namespace Perf.Statistics;

/// <summary>
/// A least-squares straight line through (x, y) points with a 95 % interval on its slope (Student's t with n − 2
/// degrees of freedom). The interval assumes independent residuals; neighbouring samples of a time series are not,
/// so it is narrower than the truth and says how well the line fits, not how a repeat would land.
/// </summary>
public sealed record LinearTrend(double Slope, double SlopeLow, double SlopeHigh, double Intercept, int Points)
{
    public const double Confidence = 0.95;

    public static LinearTrend Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} points and y {y.Count}: a trend needs pairs.", nameof(y));
        }

        if (x.Count < 3)
        {
            throw new ArgumentException($"a trend with an interval needs at least 3 points, got {x.Count}.", nameof(x));
        }

        var (intercept, slope) = SimpleRegression.Fit(x.ToArray(), y.ToArray());
        var meanX = x.Average();
        double residuals = 0, spreadX = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var residual = y[i] - (intercept + (slope * x[i]));
            residuals += residual * residual;
            spreadX += (x[i] - meanX) * (x[i] - meanX);
        }

        if (spreadX == 0)
        {
            throw new ArgumentException("every x is the same: a slope is undefined.", nameof(x));
        }

        var standardError = Math.Sqrt(residuals / (x.Count - 2) / spreadX);
        var t = StudentT.InvCDF(0, 1, x.Count - 2, 1 - ((1 - Confidence) / 2));
        return new LinearTrend(slope, slope - (t * standardError), slope + (t * standardError), intercept, x.Count);
    }
}
