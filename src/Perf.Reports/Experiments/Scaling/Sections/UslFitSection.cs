using System.Text;

namespace Perf.Reports.Experiments.Scaling.Sections;

/// <summary>The Universal Scalability Law's parameters fitted to the points, or why there is no fit.</summary>
internal sealed class UslFitSection : IReportSection<ScalingReportContext>
{
    public void Write(ScalingReportContext context, StringBuilder md)
    {
        md.AppendLine("## Universal Scalability Law fit").AppendLine();
        if (context.Result.Fit is not { } fit)
        {
            md.AppendLine($"No fit: {context.Result.FitProblem}").AppendLine();
            return;
        }

        md.AppendLine($"X(N) = λN / (1 + σ(N − 1) + κN(N − 1)), least squares over {fit.Points} points (MathNet.Numerics Levenberg–Marquardt, σ, κ ≥ 0):").AppendLine();
        md.AppendLine($"- λ = {NumberText.F(fit.Lambda)} jobs/s (one worker without contention)");
        md.AppendLine($"- σ = {NumberText.F(fit.Sigma, "0.0000")} (contention: the share of the work that serialises)");
        md.AppendLine($"- κ = {NumberText.F(fit.Kappa, "0.00000")} (coherency: crosstalk between workers)");
        md.AppendLine($"- R² = {NumberText.F(fit.RSquared, "0.000")}; modelled peak at N = {(double.IsFinite(fit.PeakWorkers) ? NumberText.F(fit.PeakWorkers, "0.0") : "∞ (κ = 0)")} " +
                      $"with {(double.IsFinite(fit.PeakWorkers) ? NumberText.F(fit.Throughput(fit.PeakWorkers)) : NumberText.F(fit.ContentionCeiling))} jobs/s").AppendLine();
    }
}
