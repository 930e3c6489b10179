using ScottPlot;

namespace Perf.Reports;

/// <summary>
/// Gives ScottPlot a font that draws glyphs. The suite's SkiaSharp build (NativeAssets.Linux.NoDependencies) has
/// no fontconfig: on a machine without fonts every chart loses its text silently. So this project ships
/// DejaVu Sans (Fonts/, Bitstream Vera licence, copied beside the assemblies that use it) and charts use it
/// everywhere, which also makes them look the same on every machine; the system's default font is the fallback.
/// </summary>
public static class ChartFonts
{
    public const string Family = "PerfReport Sans";

    private static readonly Lazy<(string? Family, string? Problem)> Resolved = new(Resolve);

    /// <summary>The family to draw with, or null with <see cref="Problem"/> saying why text may be missing.</summary>
    public static string? Name => Resolved.Value.Family;

    public static string? Problem => Resolved.Value.Problem;

    /// <summary>The shipped font's path; null when it was not copied beside the application.</summary>
    public static string? ShippedFontPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf");
        return File.Exists(path) ? path : null;
    }

    private static (string?, string?) Resolve()
    {
        if (ShippedFontPath() is { } shipped)
        {
            // One file for regular and bold: titles are drawn bold and would otherwise fall back to the system font.
            Fonts.AddFontFile(Family, shipped, bold: false, italic: false);
            Fonts.AddFontFile(Family, shipped, bold: true, italic: false);
            if (DrawsGlyphs(Family))
            {
                return (Family, null);
            }
        }

        return DrawsGlyphs(Fonts.Default)
            ? (Fonts.Default, null)
            : (null, $"No font draws glyphs (shipped font not found, system default '{Fonts.Default}' is empty): chart text is missing.");
    }

    private static bool DrawsGlyphs(string family)
    {
        var typeface = Fonts.GetTypeface(family, bold: false, italic: false);
        return typeface.GetGlyphs("Ab1").All(g => g != 0);
    }
}
