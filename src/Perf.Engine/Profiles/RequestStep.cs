namespace Perf.Engine.Profiles;

/// <summary>
/// One request of a scenario flow. <see cref="Url"/> and string values of <see cref="JsonBody"/> and
/// <see cref="Headers"/> may contain <c>{{ variable }}</c> placeholders.
/// </summary>
public sealed record RequestStep : FlowStep
{
    public required HttpMethod Method { get; init; }

    /// <summary>The URL as written in the profile, placeholders included; also the request's stats key.</summary>
    public required string Url { get; init; }

    /// <summary>The JSON body serialised once at load time, or null for no body.</summary>
    public string? JsonBody { get; init; }

    /// <summary>Artillery's request <c>name:</c>; per-request thresholds refer to it.</summary>
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Capture> Captures { get; init; } = [];

    /// <summary>Status codes that pass the expectation; empty means no expectation.</summary>
    public IReadOnlyList<int> ExpectedStatusCodes { get; init; } = [];

    /// <summary>"METHOD url-template", e.g. "GET /payments/{{ paymentId }}": the per-request stats key.</summary>
    public string Key => $"{Method.Method} {Url}";
}
