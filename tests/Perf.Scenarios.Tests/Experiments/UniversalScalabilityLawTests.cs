using Perf.Reports.Experiments.Scaling;
using Perf.Scenarios.Experiments.Scaling;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class UniversalScalabilityLawTests
{
    [Theory]
    [InlineData(400, 0.05, 0.002)]
    [InlineData(380, 0.3, 0.02)]
    [InlineData(100, 0.0, 0.0)]
    public void RecoversKnownParametersFromExactPoints(double lambda, double sigma, double kappa)
    {
        var truth = new UslFit(lambda, sigma, kappa, 1, 5);
        var points = new[] { 1, 2, 3, 5, 8 }.Select(n => ((double)n, truth.Throughput(n))).ToList();

        var fit = UniversalScalabilityLaw.Fit(points);

        fit.Lambda.Should().BeApproximately(lambda, lambda * 1e-3);
        fit.Sigma.Should().BeApproximately(sigma, 1e-3);
        fit.Kappa.Should().BeApproximately(kappa, 1e-4);
        fit.RSquared.Should().BeGreaterThan(0.9999);
    }

    [Fact]
    public void ThePeakIsWhereTheModelledThroughputIsHighest()
    {
        var usl = new UslFit(400, 0.1, 0.01, 1, 5);

        usl.PeakWorkers.Should().BeApproximately(Math.Sqrt(0.9 / 0.01), 1e-9);
        usl.Throughput(usl.PeakWorkers).Should().BeGreaterThan(usl.Throughput(usl.PeakWorkers - 1)).And.BeGreaterThan(usl.Throughput(usl.PeakWorkers + 1));
    }

    [Fact]
    public void FewerThanThreeWorkerCountsCannotBeFitted()
    {
        var act = () => UniversalScalabilityLaw.Fit([(1, 400), (2, 700), (2, 710)]);

        act.Should().Throw<ArgumentException>().WithMessage("*three or more distinct worker counts*");
    }
}
