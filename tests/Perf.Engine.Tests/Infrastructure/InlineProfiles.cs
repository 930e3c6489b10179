using Perf.Engine.Profiles;

namespace Perf.Engine.Tests.Infrastructure;

/// <summary>Small profiles written inline, parsed through the real loader.</summary>
internal static class InlineProfiles
{
    /// <summary>
    /// The head most profile tests share: a loopback target and one 1-second phase at 1 arrival/s. Further
    /// <c>config:</c> keys follow indented by 2, then <c>scenarios:</c>. Three lines, which the expected error lines count.
    /// </summary>
    public const string Head = "config:\n  target: \"http://127.0.0.1:8080\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n";

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
