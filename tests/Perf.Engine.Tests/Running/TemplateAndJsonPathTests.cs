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
