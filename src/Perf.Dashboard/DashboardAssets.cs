namespace Perf.Dashboard;

/// <summary>The page's script and style sheets, embedded in this assembly at build time (Perf.Dashboard.csproj).</summary>
internal static class DashboardAssets
{
    public static string UplotJs { get; } = Read("uPlot.js");

    public static string UplotCss { get; } = Read("uPlot.css");

    public static string PageJs { get; } = Read("dashboard.js");

    public static string PageCss { get; } = Read("dashboard.css");

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Perf.Dashboard." + name)
            ?? throw new InvalidOperationException($"Perf.Dashboard was built without its embedded asset '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
