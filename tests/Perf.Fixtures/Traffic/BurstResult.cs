using System.Text.Json.Serialization;

namespace Perf.Fixtures.Traffic;

/// <summary>
/// What a burst of job submissions got back: how many were accepted (202), every status code, transport failures and
/// the body of the first refusal. The accepted ids are kept for checks but left out of artifacts.
/// </summary>
public sealed record BurstResult(int Sent, int Accepted, IReadOnlyDictionary<int, int> StatusCodes, int TransportErrors, string? FirstRefusal)
{
    [JsonIgnore]
    public IReadOnlyList<string> AcceptedIds { get; init; } = [];

    /// <summary>The id each accepted request's Idempotency-Key got, for requests that carried one.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AcceptedIdsByKey { get; init; } = new Dictionary<string, string>();

    public int ServerErrors => StatusCodes.Where(kv => kv.Key >= 500).Sum(kv => kv.Value);
}
