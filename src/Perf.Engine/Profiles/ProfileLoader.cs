using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

/// <summary>Reads the supported subset of Artillery's YAML into a <see cref="LoadProfile"/>.</summary>
public static class ProfileLoader
{
    public static LoadProfile Load(string path, ProfileOverrides? overrides = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ProfileException(fullPath, 0, "(file)", "file not found");
        }

        return Parse(File.ReadAllText(fullPath), fullPath, overrides);
    }

    /// <summary>Parses YAML text; <paramref name="fileName"/> is used in error messages and becomes the profile name.</summary>
    public static LoadProfile Parse(string yaml, string fileName, ProfileOverrides? overrides = null)
    {
        overrides ??= new ProfileOverrides();
        if (!double.IsFinite(overrides.TimeScale) || overrides.TimeScale <= 0)
        {
            throw new ProfileException(fileName, 0, "(override) timeScale", $"must be a positive number, found {overrides.TimeScale}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ProfileException(fileName, e.Start.Line, "(yaml)", $"not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way, without a position.
            throw new ProfileException(fileName, 0, "(yaml)", $"not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new ProfileException(fileName, 1, "(document)", $"expected one YAML document, found {stream.Documents.Count}");
        }

        return new ProfileParser(new YamlNodes(fileName), overrides).Parse(stream.Documents[0].RootNode);
    }
}
