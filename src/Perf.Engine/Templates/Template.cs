using System.Text;
using System.Text.Json;

namespace Perf.Engine.Templates;

/// <summary>
/// A string with Artillery-style <c>{{ name }}</c> placeholders, split once at load time so rendering is a
/// concatenation. Only plain variables are supported; Artillery's <c>$function()</c> helpers are not.
/// </summary>
public sealed class Template
{
    private readonly string[] _literals;
    private readonly string[] _names;

    private Template(string source, string[] literals, string[] names)
    {
        Source = source;
        _literals = literals;
        _names = names;
    }

    public string Source { get; }

    public IReadOnlyList<string> VariableNames => _names;

    public bool IsConstant => _names.Length == 0;

    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Splits <paramref name="source"/>; throws <see cref="FormatException"/> naming a bad placeholder.</summary>
    public static Template Parse(string source)
    {
        var literals = new List<string>();
        var names = new List<string>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literals.Add(source[position..]);
                break;
            }

            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"placeholder '{source[open..]}' is not closed with '}}}}'");
            }

            var name = source[(open + 2)..close].Trim();
            if (!IsValidName(name))
            {
                throw new FormatException(
                    $"placeholder '{{{{ {name} }}}}' is not a variable name; functions such as $randomNumber() need an Artillery processor and are not supported");
            }

            literals.Add(source[position..open]);
            names.Add(name);
            position = close + 2;
        }

        return new Template(source, [.. literals], [.. names]);
    }

    /// <summary>Fills the placeholders; <paramref name="jsonEscape"/> escapes values placed inside JSON strings.</summary>
    public string Render(IReadOnlyDictionary<string, string> variables, bool jsonEscape = false)
    {
        if (_names.Length == 0)
        {
            return Source;
        }

        var builder = new StringBuilder(Source.Length + 32);
        for (var i = 0; i < _names.Length; i++)
        {
            builder.Append(_literals[i]);
            var value = variables.TryGetValue(_names[i], out var found) ? found : string.Empty;
            builder.Append(jsonEscape ? JsonEncodedText.Encode(value).Value : value);
        }

        return builder.Append(_literals[^1]).ToString();
    }
}
