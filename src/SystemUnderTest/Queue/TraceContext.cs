using StackExchange.Redis;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Queue;

/// <summary>The W3C trace context an entry carries (<c>traceparent</c>, optional <c>tracestate</c>); both null when nothing traces.</summary>
public readonly record struct TraceContext(string? TraceParent, string? TraceState)
{
    public NameValueEntry[] EntryFields() => (TraceParent, TraceState) switch
    {
        (null, _) => [],
        (_, null or "") => [new(SutTelemetry.TraceParentField, TraceParent)],
        _ => [new(SutTelemetry.TraceParentField, TraceParent), new(SutTelemetry.TraceStateField, TraceState)],
    };
}
