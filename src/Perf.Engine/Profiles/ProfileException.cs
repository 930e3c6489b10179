namespace Perf.Engine.Profiles;

/// <summary>A profile that cannot be used; the message names the file, line and key (or, built in code, the profile and key).</summary>
public sealed class ProfileException : Exception
{
    /// <summary>A profile built in code: no file or line, the same key and problem the YAML form would get.</summary>
    public ProfileException(string source, string key, string problem)
        : base($"{source}: '{key}': {problem}")
    {
        File = source;
        Key = key;
        Problem = problem;
    }

    public ProfileException(string file, long line, string key, string problem)
        : base($"{file}:{line}: '{key}': {problem}")
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
    }

    public ProfileException()
    {
        File = Key = Problem = string.Empty;
    }

    public ProfileException(string message) : base(message)
    {
        File = Key = Problem = string.Empty;
    }

    public ProfileException(string message, Exception innerException) : base(message, innerException)
    {
        File = Key = Problem = string.Empty;
    }

    public string File { get; }

    public long Line { get; }

    /// <summary>Dotted path of the offending key, e.g. <c>config.phases[1].rampTo</c>.</summary>
    public string Key { get; }

    public string Problem { get; }
}
