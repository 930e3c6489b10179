using System.Net;
using System.Text;

namespace Perf.Dashboard;

/// <summary>
/// The dashboard's one page: uPlot's script and style sheet (embedded from npm at build time), the page's own script
/// and style, all inline. Live, the script follows the server's event stream; exported, the feed's whole history is
/// inlined as JSON and replayed by the same script. A Content-Security-Policy lets the page run its own inline code and
/// load nothing else (live, it may only reach its own server's event stream).
/// </summary>
public static class DashboardPage
{
    /// <summary>The export's policy: nothing but the page's own inline script, style and <c>data:</c> images.</summary>
    public const string ExportPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>The live page's policy: the export's, plus its own server's event stream.</summary>
    public const string LivePolicy = ExportPolicy + "; connect-src 'self'";

    /// <summary>The id of the element that holds an export's data (absent on the live page).</summary>
    public const string DataElementId = "dashboard-data";

    public static string Live(string title) => Render(title, LivePolicy, data: null);

    /// <summary>The page with <paramref name="messages"/> (the feed's history, JSON objects) inlined.</summary>
    public static string Export(string title, IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Render(title, ExportPolicy, "[" + string.Join(",\n", messages) + "]");
    }

    private static string Render(string title, string policy, string? data)
    {
        // System.Text.Json escapes '<', '>' and '&' in strings by default, so no message can close the script element.
        var html = new StringBuilder(96 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>\n").Append(DashboardAssets.UplotCss).Append("\n</style>\n")
            .Append("<style>\n").Append(DashboardAssets.PageCss).Append("\n</style>\n")
            .Append("</head>\n<body>\n")
            .Append("<header><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1><div id=\"status\">starting…</div></header>\n")
            .Append("<section id=\"runs\"></section>\n<section id=\"thresholds\"></section>\n<main id=\"charts\"></main>\n");
        if (data is not null)
        {
            html.Append("<script id=\"").Append(DataElementId).Append("\" type=\"application/json\">\n").Append(data).Append("\n</script>\n");
        }

        html.Append("<script>\n").Append(DashboardAssets.UplotJs).Append("\n</script>\n")
            .Append("<script>\n").Append(DashboardAssets.PageJs).Append("\n</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }
}
