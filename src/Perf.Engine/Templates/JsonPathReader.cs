using System.Globalization;
using System.Text.Json;

namespace Perf.Engine.Templates;

/// <summary>
/// The JSON path subset captures support: <c>$</c> followed by <c>.name</c> and <c>[index]</c> segments.
/// A full JSONPath engine would cost more per response than the captures need.
/// </summary>
internal static class JsonPathReader
{
    public static bool IsSupported(string path) => TrySplit(path, out _);

    /// <summary>Reads the value at <paramref name="path"/>: strings as text, other values as their JSON.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> json, string path, out string value)
    {
        value = string.Empty;
        if (!TrySplit(path, out var segments))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            foreach (var segment in segments)
            {
                if (segment is int index)
                {
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                    {
                        return false;
                    }

                    element = element[index];
                }
                else if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty((string)segment, out element))
                {
                    return false;
                }
            }

            value = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!,
                JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
                _ => element.GetRawText(),
            };
            return element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TrySplit(string path, out List<object> segments)
    {
        segments = [];
        if (!path.StartsWith('$'))
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                if (end == i + 1)
                {
                    return false;
                }

                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(index);
                i = close + 1;
            }
            else
            {
                return false;
            }
        }

        return segments.Count > 0;
    }
}
