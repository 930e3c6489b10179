using System.Buffers;

namespace Perf.Engine.Running;

/// <summary>
/// Reads a response body for captures, at most a given number of bytes: a declared length over the limit is refused
/// before reading, and an undeclared (chunked) body is read only until it passes the limit, so a large or endless
/// answer costs the generator bounded memory.
/// </summary>
internal static class BoundedBody
{
    private const int UndeclaredInitialSize = 16 * 1024;

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, int maxBytes, CancellationToken token)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte beyond the expected length, so the end of the body is seen without growing the buffer.
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((declared ?? UndeclaredInitialSize) + 1, maxBytes + 1L));
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return buffer.AsSpan(0, length).ToArray();
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
