using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The summaries of an assembly's XML documentation file (the build writes it beside the assembly), as Markdown:
/// <c>&lt;c&gt;</c> becomes code, <c>&lt;see cref&gt;</c> the member's short name, whitespace one space.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    public static XmlDocumentation For(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The XML documentation of {assembly.GetName().Name} is missing at {file} (GenerateDocumentationFile in Directory.Build.props writes it).", file);
        }

        var summaries = XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Markdown(m.Element("summary")!));
        return new XmlDocumentation(summaries);
    }

    public string Summary(Type type) => Find("T:" + type.FullName);

    public string Summary(PropertyInfo property) => Find($"P:{property.DeclaringType!.FullName}.{property.Name}");

    private string Find(string id) =>
        _summaries.TryGetValue(id, out var summary) ? summary : throw new InvalidOperationException($"{id} has no <summary> doc comment: say what it does.");

    private static string Markdown(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" } see => $"`{((string?)see.Attribute("cref") ?? "").Split('.')[^1]}`",
            XElement element => element.Value,
            XText t => t.Value,
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
