namespace Perf.Model.Settings;

/// <summary>The queue technology of the system under test: what the suite reads queue state and job outcomes from.</summary>
public enum JobSystemKind
{
    /// <summary>This repository's system: Redis Streams with the consumer group <c>workers</c> (src/SystemUnderTest).</summary>
    Streams,

    /// <summary>A BullMQ system (the seed's stack; src/BullmqSystemUnderTest is one), read from BullMQ's own keys.</summary>
    Bullmq,
}
