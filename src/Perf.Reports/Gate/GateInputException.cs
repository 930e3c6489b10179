namespace Perf.Reports.Gate;

/// <summary>Input the gate cannot judge: a missing directory, unreadable JSON, a missing or non-numeric field; the message names the file and the field.</summary>
public sealed class GateInputException : Exception
{
    public GateInputException()
    {
    }

    public GateInputException(string message)
        : base(message)
    {
    }

    public GateInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
