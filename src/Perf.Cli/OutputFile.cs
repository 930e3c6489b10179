namespace Perf.Cli;

/// <summary>Checks an output path before any work is done, so a long run does not end in "cannot write".</summary>
internal static class OutputFile
{
    public static string Prepare(string option, string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new CliInputException($"{option} {path}: is a directory; give a file name");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{option} {path}: cannot create its directory: {e.Message}");
        }

        return fullPath;
    }
}
