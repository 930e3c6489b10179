using System.Text;
using System.Text.Json;

namespace Perf.Engine.Templates;

/// <summary>
/// A string with Artillery-style <c>{{ name }}</c> placeholders, split once at load time so rendering is a
/// concatenation. Plain variables and Artillery's built-in <c>{{ $uuid }}</c> are supported; its <c>$function()</c>
/// helpers are not.
/// </summary>
public sealed class Template
{
    /// <summary>
    /// A random UUID v4 per virtual user, as in Artillery 2: drawn at its first use in a flow and kept in the flow's
    /// variables, so every request of that flow sends the same value (e.g. one Idempotency-Key per user).
    /// </summary>
    public const string Uuid = "$uuid";

    private readonly string[] _literals;
    private readonly string[] _names;
    private readonly string[] _variableNames;

    private Template(string source, string[] literals, string[] names)
    {
        Source = source;
        _literals = literals;
        _names = names;
        _variableNames = [.. names.Where(n => n != Uuid)];
    }

    public string Source { get; }

    /// <summary>The variables the template reads (built-ins such as <see cref="Uuid"/> excluded: they need no declaration).</summary>
    public IReadOnlyList<string> VariableNames => _variableNames;

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
            if (!IsValidName(name) && name != Uuid)
            {
                throw new FormatException(
                    $"placeholder '{{{{ {name} }}}}' is not a variable name nor {Uuid}; functions such as $randomNumber() need an Artillery processor and are not supported");
            }

            literals.Add(source[position..open]);
            names.Add(name);
            position = close + 2;
        }

        return new Template(source, [.. literals], [.. names]);
    }

    /// <summary>
    /// Fills the placeholders; <paramref name="jsonEscape"/> escapes values placed inside JSON strings. A flow's
    /// variables are a mutable dictionary, where <see cref="Uuid"/> is stored at its first use.
    /// </summary>
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
            var value = variables.TryGetValue(_names[i], out var found) ? found
                : _names[i] == Uuid ? NewUuid(variables)
                : string.Empty;
            builder.Append(jsonEscape ? JsonEncodedText.Encode(value).Value : value);
        }

        return builder.Append(_literals[^1]).ToString();
    }

    private static string NewUuid(IReadOnlyDictionary<string, string> variables)
    {
        var uuid = Guid.NewGuid().ToString(); // version 4, lower-case "D" format like crypto.randomUUID()
        if (variables is IDictionary<string, string> flow)
        {
            flow[Uuid] = uuid;
        }

        return uuid;
    }
}
