using ScottPlot;

namespace Perf.Scenarios.Reporting;

/// <summary>Makes sure ScottPlot has a font that draws glyphs; returns a problem to report when none does.</summary>
internal static class ChartFonts
{
    public static string? Ensure()
    {
        var typeface = Fonts.GetTypeface(Fonts.Default, bold: false, italic: false);
        return typeface.GetGlyphs("Ab1").Any(g => g != 0) ? null : $"font '{Fonts.Default}' draws no glyphs: chart text is missing.";
    }
}
