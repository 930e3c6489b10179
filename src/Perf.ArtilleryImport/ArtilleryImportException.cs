namespace Perf.ArtilleryImport;

/// <summary>An Artillery JSON report that cannot be imported; the message names the file, the line when known, and the field.</summary>
public sealed class ArtilleryImportException : Exception
{
    public ArtilleryImportException(string file, string field, string problem, long? line = null)
        : base(line is { } at ? $"{file}:{at}: '{field}': {problem}" : $"{file}: '{field}': {problem}")
    {
        File = file;
        Field = field;
        Problem = problem;
        Line = line;
    }

    public ArtilleryImportException()
    {
        File = Field = Problem = string.Empty;
    }

    public ArtilleryImportException(string message) : base(message)
    {
        File = Field = Problem = string.Empty;
    }

    public ArtilleryImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = Field = Problem = string.Empty;
    }

    public string File { get; }

    /// <summary>The JSON path of the offending field, e.g. <c>aggregate.counters['http.requests']</c>.</summary>
    public string Field { get; }

    public string Problem { get; }

    public long? Line { get; }
}
