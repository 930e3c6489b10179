namespace Perf.Model.Settings;

/// <summary>Whether the suite starts the system under test or points at one that already runs.</summary>
public enum TargetMode
{
    Container,
    External,
}
