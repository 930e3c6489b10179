using MathNet.Numerics.Distributions;

namespace Perf.Statistics.Tests;

/// <summary>Per-second series with a known mean: independent normal noise, or an AR(1) process around the mean.</summary>
internal static class SyntheticSeries
{
    public static double[] Independent(int seconds, double mean, double sd, int seed) => Ar1(seconds, mean, sd, 0, seed);

    /// <summary>xₜ = μ + φ(xₜ₋₁ − μ) + εₜ with εₜ scaled so the series' own standard deviation is <paramref name="sd"/>.</summary>
    public static double[] Ar1(int seconds, double mean, double sd, double phi, int seed)
    {
        var noise = new Normal(0, sd * Math.Sqrt(1 - (phi * phi)), new Random(seed));
        var values = new double[seconds];
        var previous = noise.Sample() / Math.Sqrt(1 - (phi * phi));
        for (var t = 0; t < seconds; t++)
        {
            previous = (phi * previous) + noise.Sample();
            values[t] = mean + previous;
        }

        return values;
    }
}
