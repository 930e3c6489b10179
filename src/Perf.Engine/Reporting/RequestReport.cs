using Perf.Engine.Stats;

namespace Perf.Engine.Reporting;

/// <summary>One request key: method plus URL template as written in the profile, e.g. "GET /payments/{{ paymentId }}".</summary>
public sealed record RequestReport(string Key, string Method, string Url, string? Name, TrafficStats Stats);
