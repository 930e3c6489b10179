using System.Globalization;
using OpenTelemetry.Proto.Common.V1;

namespace Perf.Testing.Otlp;

/// <summary>Reads decoded OTLP attributes (a resource's, a data point's, a span's) as text for assertions.</summary>
public static class OtlpAttributes
{
    /// <summary>The value of attribute <paramref name="key"/> as text (strings as they are, numbers invariant), or null when absent.</summary>
    public static string? Value(this IEnumerable<KeyValue> attributes, string key) => attributes.SingleOrDefault(a => a.Key == key)?.Value switch
    {
        null => null,
        { ValueCase: AnyValue.ValueOneofCase.StringValue } value => value.StringValue,
        { ValueCase: AnyValue.ValueOneofCase.IntValue } value => value.IntValue.ToString(CultureInfo.InvariantCulture),
        { ValueCase: AnyValue.ValueOneofCase.DoubleValue } value => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        { ValueCase: AnyValue.ValueOneofCase.BoolValue } value => value.BoolValue ? "true" : "false",
        var value => value.ToString(),
    };
}
