using Perf.Engine.Profiles;

namespace Perf.Engine.Tests.Profiles;

/// <summary>The one assertion of every bad-profile case: the loader names the file, the line and the key, then says what is wrong.</summary>
internal static class ProfileRejection
{
    public const string File = "bad.yml";

    public static void ShouldReject(string yaml, int line, string key, string problem)
    {
        var act = () => ProfileLoader.Parse(yaml, File);

        var error = act.Should().Throw<ProfileException>().Which;
        error.File.Should().Be(File);
        error.Key.Should().Be(key);
        error.Line.Should().Be(line);
        error.Message.Should().StartWith($"{File}:{line}: '{key}':").And.Contain(problem);
    }
}
