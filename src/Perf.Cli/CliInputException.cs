namespace Perf.Cli;

/// <summary>A command-line value the CLI itself rejects (exit code 2); the message says which value and why.</summary>
public sealed class CliInputException : Exception
{
    public CliInputException()
    {
    }

    public CliInputException(string message) : base(message)
    {
    }

    public CliInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
