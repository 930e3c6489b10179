using Perf.Engine.Reporting;
using Perf.Model.Accounting;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// What a run with a Redis outage observed: the load, the direct probe during the outage, recovery, the accounts and
/// the id audit (of every accepted id, and of the ids submitted after the restart alone).
/// </summary>
internal sealed record OutageRun(
    RunReport Load,
    JobAccounting Jobs,
    ProbeAnswer DuringOutage,
    TimeSpan StoppedAt,
    TimeSpan RestartedAt,
    int SubmittedAfterRestart,
    int CompletedAfterRestart,
    JobAudit Audit,
    JobAudit AuditAfterRestart);
