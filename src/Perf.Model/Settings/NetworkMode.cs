namespace Perf.Model.Settings;

/// <summary>How the suite's containers reach each other and the test process.</summary>
public enum NetworkMode
{
    /// <summary>A private bridge network with aliases; ports published to the host. Where Docker is normal.</summary>
    Bridge,

    /// <summary>The host's network namespace; every container binds 127.0.0.1 on a free port. Loopback-only machines.</summary>
    Host,
}
