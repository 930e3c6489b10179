namespace Perf.Reports.Experiments.Scaling;

/// <summary>
/// Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N − 1) + κN(N − 1)): λ the throughput of one worker, σ the
/// contention (the share of work that serialises), κ the coherency cost (pairwise crosstalk between workers).
/// </summary>
public sealed record UslFit(double Lambda, double Sigma, double Kappa, double RSquared, int Points)
{
    public double Throughput(double n) => Lambda * n / (1 + Sigma * (n - 1) + Kappa * n * (n - 1));

    /// <summary>N at which the modelled throughput peaks, √((1 − σ) / κ); infinite when κ is zero.</summary>
    public double PeakWorkers => Kappa > 0 ? Math.Sqrt(Math.Max(0, 1 - Sigma) / Kappa) : double.PositiveInfinity;

    /// <summary>The asymptote without coherency cost, λ / σ: what more workers approach when κ is zero.</summary>
    public double ContentionCeiling => Sigma > 0 ? Lambda / Sigma : double.PositiveInfinity;
}
