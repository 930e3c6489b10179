namespace Perf.Reports.Html;

/// <summary>Turns a report's image link into a <c>data:</c> URI, or says why it cannot be one.</summary>
internal static class InlineImages
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
    };

    public static string DataUri(string? link, int line, string imageDirectory, string markdownFile)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            throw new HtmlReportException(markdownFile, line, link ?? string.Empty, "the image link is empty");
        }

        if (link.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return link;
        }

        if (link.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && !uri.IsFile))
        {
            throw new HtmlReportException(markdownFile, line, link, "a remote image; the HTML report inlines local images only and makes no request");
        }

        var path = uri is { IsFile: true } ? uri.LocalPath : Path.GetFullPath(Path.Combine(imageDirectory, Uri.UnescapeDataString(link)));
        if (!File.Exists(path))
        {
            throw new HtmlReportException(markdownFile, line, link, $"not found (looked for {path})");
        }

        if (!MediaTypes.TryGetValue(Path.GetExtension(path), out var mediaType))
        {
            throw new HtmlReportException(markdownFile, line, link, $"unknown image type '{Path.GetExtension(path)}' (known: {string.Join(", ", MediaTypes.Keys)})");
        }

        var bytes = File.ReadAllBytes(path);
        if (mediaType == "image/png" && !bytes.AsSpan().StartsWith(PngSignature))
        {
            throw new HtmlReportException(markdownFile, line, link, $"{path} is not a PNG file (no PNG signature)");
        }

        return $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";
    }
}
