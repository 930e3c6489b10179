using System.Text.RegularExpressions;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Api;

/// <summary>
/// The optional <c>Idempotency-Key</c> request header of the job POSTs: the same key within the TTL answers with the
/// job the first request created instead of creating another.
/// </summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = JobHeaders.IdempotencyKey;

    /// <summary>Set on a replayed answer, as Stripe does, so a client can tell a replay from a first acceptance.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    /// <summary>HttpContext.Items entry holding the request's valid key, for the exception handler's 503 answer.</summary>
    public static readonly object ItemKey = new();

    public static string Describe() =>
        $"{HeaderName} must be 1 to {MaxLength} characters of A-Z, a-z, 0-9, '-', '_', '.' or ':' (for example a UUID), sent once.";

    /// <summary>The header's value; <c>Key</c> null without the header, <c>Error</c> set when it is present but invalid.</summary>
    public static (string? Key, string? Error) Read(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(HeaderName, out var values))
        {
            return (null, null);
        }

        return values.Count == 1 && IsValid(values[0]) ? (values[0], null) : (null, Describe());
    }

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && KeyPattern().IsMatch(key);

    // \A and \z, not ^ and $: '$' also matches before a final '\n'.
    [GeneratedRegex(@"\A[A-Za-z0-9_.:-]{1,255}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
