namespace Perf.Engine.Tests.Infrastructure;

/// <summary>A fact that only means something on Linux: elsewhere it is reported as skipped, with the reason, instead of passing empty.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (clock_nanosleep on CLOCK_MONOTONIC)";
        }
    }
}
