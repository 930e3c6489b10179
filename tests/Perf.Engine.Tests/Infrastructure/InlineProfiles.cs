using Perf.Engine.Profiles;

namespace Perf.Engine.Tests.Infrastructure;

/// <summary>Small profiles written inline, parsed through the real loader.</summary>
internal static class InlineProfiles
{
    public static LoadProfile Parse(string yaml, Uri? target = null) =>
        ProfileLoader.Parse(yaml, "inline.yml", new ProfileOverrides { Target = target?.ToString() });

    /// <summary>One constant phase and one scenario whose flow is given as YAML list items (indented 6 spaces).</summary>
    public static LoadProfile Single(Uri target, double seconds, double rate, string flow, string extraConfig = "") => Parse($"""
        config:
          target: "{target}"
          http:
            timeout: 5
          phases:
            - duration: {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}
              arrivalRate: {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        {extraConfig}
        scenarios:
          - name: main
            flow:
        {flow}
        """);
}
