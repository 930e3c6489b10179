using System.Text;
using Perf.Engine.Templates;

namespace Perf.Engine.Tests.Running;

public class TemplateAndJsonPathTests
{
    [Fact]
    public void TemplateFillsVariablesAndEscapesJson()
    {
        var template = Template.Parse("""{"id":"{{ id }}","n":"{{n}}"}""");
        var values = new Dictionary<string, string> { ["id"] = "a\"b", ["n"] = "7" };

        template.VariableNames.Should().Equal("id", "n");
        template.Render(values, jsonEscape: true).Should().Be("""{"id":"a\u0022b","n":"7"}""");
        template.Render(values).Should().Be("""{"id":"a"b","n":"7"}""");
    }

    [Fact]
    public void UuidIsAVersion4ValueKeptForTheWholeFlow()
    {
        var header = Template.Parse("{{ $uuid }}");
        var body = Template.Parse("""{"key":"{{$uuid}}","n":"{{ n }}"}""");
        var flow = new Dictionary<string, string> { ["n"] = "1" };

        var first = header.Render(flow);

        Guid.TryParseExact(first, "D", out var uuid).Should().BeTrue();
        uuid.Version.Should().Be(4);
        first.Should().Be(first.ToLowerInvariant());
        body.Render(flow, jsonEscape: true).Should().Be($$"""{"key":"{{first}}","n":"1"}""");
        header.Render(new Dictionary<string, string>()).Should().NotBe(first, "another flow is another virtual user");
    }

    [Fact]
    public void UuidNeedsNoDeclarationButMakesTheTemplateVariable()
    {
        var template = Template.Parse("k-{{ $uuid }}-{{ id }}");

        template.VariableNames.Should().Equal("id");
        template.IsConstant.Should().BeFalse();
    }

    [Theory]
    [InlineData("$.id", "abc")]
    [InlineData("$.items[1].n", "2")]
    [InlineData("$.nested.flag", "true")]
    public void JsonPathReadsNestedValues(string path, string expected)
    {
        var json = Encoding.UTF8.GetBytes("""{"id":"abc","items":[{"n":1},{"n":2}],"nested":{"flag":true}}""");

        JsonPathReader.TryRead(json, path, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.items[5]")]
    [InlineData("$.id.deeper")]
    public void JsonPathMissesAreReported(string path)
    {
        var json = Encoding.UTF8.GetBytes("""{"id":"abc","items":[]}""");

        JsonPathReader.TryRead(json, path, out _).Should().BeFalse();
    }

    [Fact]
    public void NonJsonBodyIsAMiss() => JsonPathReader.TryRead("<html>"u8.ToArray(), "$.id", out _).Should().BeFalse();
}
