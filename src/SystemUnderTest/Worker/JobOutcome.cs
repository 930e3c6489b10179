namespace SystemUnderTest.Worker;

/// <summary>What happened to one delivery of a job.</summary>
public enum JobOutcome
{
    Completed,
    Duplicate,
    FailedLeftPending,
    DeadLettered,
}
