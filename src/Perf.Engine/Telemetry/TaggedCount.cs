using System.Globalization;

namespace Perf.Engine.Telemetry;

/// <summary>
/// One attribute set's count for an observed counter. <see cref="Identity"/> is the attribute set as text, built once
/// with the set, so counts of several runs with equal attributes add up.
/// </summary>
internal readonly record struct TaggedCount(string Identity, KeyValuePair<string, object?>[] Tags, long Value)
{
    /// <summary>The attributes as text, in their order: equal for equal attribute lists built the same way.</summary>
    public static string IdentityOf(KeyValuePair<string, object?>[] tags) =>
        string.Join('\u001f', tags.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}={t.Value}")));
}
