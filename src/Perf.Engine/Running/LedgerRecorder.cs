namespace Perf.Engine.Running;

/// <summary>
/// An append-only list of captured values any thread may add to without a lock: a slot index from one interlocked
/// increment, slots in fixed chunks allocated on first use (below the large-object heap's threshold), so an add
/// stores a reference to the string the capture already made and allocates nothing else.
/// </summary>
internal sealed class LedgerRecorder
{
    private const int ChunkBits = 13;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 1 << 13;

    private readonly string?[]?[] _chunks = new string?[]?[MaxChunks];
    private long _next;
    private long _dropped;

    /// <summary>Values beyond the capacity (<see cref="Capacity"/>) are counted here instead of stored.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    public static long Capacity => (long)ChunkSize * MaxChunks;

    public long Count => Math.Min(Volatile.Read(ref _next), Capacity);

    public void Add(string value)
    {
        var index = Interlocked.Increment(ref _next) - 1;
        var chunkIndex = index >> ChunkBits;
        if (chunkIndex >= MaxChunks)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var chunk = Volatile.Read(ref _chunks[chunkIndex]) ?? Allocate(chunkIndex);
        Volatile.Write(ref chunk[index & (ChunkSize - 1)], value);
    }

    /// <summary>The values in slot order. Call after the run has drained: a slot still being written reads as absent.</summary>
    public IEnumerable<string> Values()
    {
        var count = Count;
        for (long index = 0; index < count; index++)
        {
            if (Volatile.Read(ref _chunks[index >> ChunkBits]) is { } chunk && Volatile.Read(ref chunk[index & (ChunkSize - 1)]) is { } value)
            {
                yield return value;
            }
        }
    }

    private string?[] Allocate(long chunkIndex)
    {
        var fresh = new string?[ChunkSize];
        return Interlocked.CompareExchange(ref _chunks[chunkIndex], fresh, null) ?? fresh;
    }
}
