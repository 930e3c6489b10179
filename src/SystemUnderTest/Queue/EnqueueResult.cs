namespace SystemUnderTest.Queue;

/// <summary>The job id an enqueue answers with (the new job's, or the one its idempotency key recorded) and how.</summary>
public readonly record struct EnqueueResult(string Id, EnqueueOutcome Outcome);
