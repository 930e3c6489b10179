namespace Perf.Dashboard;

/// <summary>Writes a feed as one self-contained HTML file that opens offline (<see cref="DashboardPage.Export"/>).</summary>
public static class DashboardExport
{
    /// <summary>Writes <paramref name="feed"/>'s history to <paramref name="path"/> (through a temporary file); returns the full path.</summary>
    public static string Write(string path, string title, DashboardFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, DashboardPage.Export(title, feed.Messages));
        File.Move(temp, full, overwrite: true);
        return full;
    }
}
