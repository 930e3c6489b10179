namespace SystemUnderTest.Queue;

/// <summary>What an enqueue with an idempotency key did.</summary>
public enum EnqueueOutcome
{
    /// <summary>A new job was created (always the case without a key).</summary>
    Created,

    /// <summary>The key was already taken by the same body: the existing job's id, nothing created.</summary>
    Replayed,

    /// <summary>The key was already taken by a different body: nothing created.</summary>
    KeyConflict,

    /// <summary>The key was new but new jobs are refused (Redis memory at the admission limit): nothing created.</summary>
    Refused,
}
