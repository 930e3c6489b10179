using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SystemUnderTest.Api;

/// <summary>
/// Reads and parses a JSON body by hand so that every kind of bad input maps to its own 4xx: minimal-API binding
/// would throw (a 500 in some paths) and would not separate malformed JSON from a wrong type.
/// </summary>
public static class JsonBodyReader
{
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, int maxBytes)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        if (request.ContentLength > maxBytes)
        {
            return Problems.TooLarge(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    // Grow up to maxBytes + 1: one byte past the limit is enough to know the body is too large.
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return Problems.TooLarge(maxBytes);
                }
            }

            return Parse(buffer.AsSpan(0, length), typeInfo);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel enforces MaxRequestBodySize while streaming (chunked bodies have no Content-Length).
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(maxBytes)
                : Problems.BadRequest("Bad request", ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static BodyResult<T> Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (body.IsEmpty)
        {
            return Problems.BadRequest("Malformed JSON", "The request body is empty; a JSON object is required.");
        }

        // First pass: syntax only, so malformed JSON and wrong types get different messages.
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("Malformed JSON", $"The request body is not valid JSON: {ex.Message}");
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            return value is null
                ? Problems.BadRequest("Wrong JSON type", "The request body must be a JSON object.")
                : new BodyResult<T>(value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return Problems.BadRequest("Wrong JSON type", $"The value at '{path}' has the wrong JSON type.");
        }
    }
}
