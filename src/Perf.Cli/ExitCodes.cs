namespace Perf.Cli;

/// <summary>The process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job and every threshold held.</summary>
    public const int Success = 0;

    /// <summary>A threshold was breached (or the run was cancelled before it could show they hold).</summary>
    public const int Breach = 1;

    /// <summary>Bad input: an unreadable or invalid file, a bad URL or number; nothing was measured.</summary>
    public const int BadInput = 2;
}
