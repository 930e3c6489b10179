using System.Globalization;
using System.Text;

namespace Perf.Reports.Experiments.Scaling.Sections;

/// <summary>The fit carried to a machine with <see cref="PredictionCores"/> cores under a stated assumption: a model, labelled as one.</summary>
internal sealed class PredictionSection : IReportSection<ScalingReportContext>
{
    public const int PredictionCores = 8;

    private static readonly int[] WorkerCounts = [1, 2, 4, 8, 12, 16];

    public void Write(ScalingReportContext context, StringBuilder md)
    {
        var result = context.Result;
        md.AppendLine($"## Prediction for a bigger machine ({PredictionCores} cores) — a model, not a measurement").AppendLine();
        if (result.Fit is not { } fit)
        {
            md.AppendLine("No prediction without a fit.").AppendLine();
            return;
        }

        // Assumption, stated in the report: on this machine both terms absorb the 2 shared cores running out (the points reach
        // less of their I/O ceiling as host CPU saturates), so both shrink with the number of cores.
        var scale = (double)result.Cores / PredictionCores;
        var bigger = fit with { Sigma = fit.Sigma * scale, Kappa = fit.Kappa * scale };
        md.AppendLine($"Assumption: σ and κ come from sharing {result.Cores} cores (here the workers reach less of their I/O ceiling as host CPU " +
                      $"saturates) and shrink in proportion on {PredictionCores} (× {result.Cores}/{PredictionCores}: σ' = {NumberText.F(bigger.Sigma, "0.0000")}, " +
                      $"κ' = {NumberText.F(bigger.Kappa, "0.00000")}); λ stays as fitted. Under that assumption the USL predicts:").AppendLine();
        var table = new MarkdownTable("workers", $"predicted jobs/s ({PredictionCores} cores)", $"fit jobs/s ({result.Cores} cores)");
        foreach (var n in WorkerCounts)
        {
            table.Row(n.ToString(CultureInfo.InvariantCulture), NumberText.F(bigger.Throughput(n)), NumberText.F(fit.Throughput(n)));
        }

        table.WriteTo(md);
        md.AppendLine($"Predicted peak: N = {(double.IsFinite(bigger.PeakWorkers) ? NumberText.F(bigger.PeakWorkers, "0.0") : "∞")}. " +
                      "Verify on the bigger machine before sizing anything by it.").AppendLine();
    }
}
