namespace Perf.Reports.Comparison;

/// <summary>A file that cannot be compared; the message names the file, the line when known, and the field.</summary>
public sealed class ComparisonInputException : Exception
{
    public ComparisonInputException(string file, string field, string problem, long? line = null)
        : base(line is { } at ? $"{file}:{at}: '{field}': {problem}" : $"{file}: '{field}': {problem}")
    {
        File = file;
        Field = field;
    }

    public ComparisonInputException()
    {
        File = Field = string.Empty;
    }

    public ComparisonInputException(string message) : base(message)
    {
        File = Field = string.Empty;
    }

    public ComparisonInputException(string message, Exception innerException) : base(message, innerException)
    {
        File = Field = string.Empty;
    }

    public string File { get; }

    /// <summary>The JSON path of the offending field, e.g. <c>load.totals</c>, or "(json)" / "(root)".</summary>
    public string Field { get; }
}
