using System.Collections.Concurrent;

namespace SystemUnderTest.Worker;

/// <summary>
/// Entries this worker holds, from the read (or reclaim) until their outcome: the heartbeat keeps their idle time
/// fresh, so the reclaim loop of any worker only takes entries whose owner stopped working on them.
/// </summary>
public sealed class InFlightEntries
{
    private readonly ConcurrentDictionary<(string Stream, string EntryId), byte> _entries = new();

    public int Count => _entries.Count;

    public void Add(JobEnvelope job) => _entries[(job.Stream, job.EntryId)] = 0;

    public void Remove(JobEnvelope job) => _entries.TryRemove((job.Stream, job.EntryId), out _);

    /// <summary>The held entry ids of one stream, at this moment.</summary>
    public string[] Of(string stream) => _entries.Keys.Where(k => k.Stream == stream).Select(k => k.EntryId).ToArray();
}
