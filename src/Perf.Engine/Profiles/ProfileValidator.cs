using System.Globalization;
using Perf.Engine.Templates;

namespace Perf.Engine.Profiles;

/// <summary>
/// The one set of rules every profile follows, whether it was read from YAML or built in code. Keys are the dotted
/// YAML paths, so the loader can add the file and line, and the builder's messages name the same field.
/// </summary>
internal static partial class ProfileValidator
{
    public const double MaxRate = 1_000_000;
    public const int MaxConcurrency = 100_000;
    public const int MaxLoopCount = 10_000;
    public const int MaxWeight = 1_000_000;
    public static readonly TimeSpan MaxThink = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxHttpTimeout = TimeSpan.FromHours(1);

    /// <summary>The first broken rule, in the order the YAML form would be read, or null when the profile is valid.</summary>
    public static ProfileProblem? FirstProblem(LoadProfile profile) =>
        CheckConfig(profile) ?? CheckScenarios(profile) ?? CheckThresholds(profile);

    /// <summary>A base URL: absolute http(s). Shared by the loader and the builder so both say the same.</summary>
    public static Uri? ParseTarget(string target, out string? problem)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            problem = null;
            return uri;
        }

        problem = $"must be an absolute http(s) URL, found '{target}'";
        return null;
    }

    private static ProfileProblem? CheckConfig(LoadProfile profile)
    {
        if (profile.HttpTimeout <= TimeSpan.Zero || profile.HttpTimeout > MaxHttpTimeout)
        {
            return new("config.http.timeout", $"must be between 0.001 and {MaxHttpTimeout.TotalSeconds} seconds, found {Seconds(profile.HttpTimeout)}");
        }

        if (profile.Phases.Count == 0)
        {
            return new("config.phases", "needs at least one phase");
        }

        for (var i = 0; i < profile.Phases.Count; i++)
        {
            if (CheckPhase(profile.Phases[i], $"config.phases[{i}]") is { } problem)
            {
                return problem;
            }
        }

        foreach (var (name, values) in profile.Variables)
        {
            if (!Template.IsValidName(name))
            {
                return new($"config.variables.{name}", "variable names are letters, digits and '_'");
            }

            if (values.Count == 0)
            {
                return new($"config.variables.{name}", "needs at least one value");
            }
        }

        return null;
    }

    private static ProfileProblem? CheckPhase(Phase phase, string path)
    {
        var durationKey = phase.Kind == PhaseKind.Pause ? "pause" : "duration";
        if (phase.Duration <= TimeSpan.Zero)
        {
            return new($"{path}.{durationKey}", $"must be a positive duration (seconds, or e.g. 30s, 2m), found {Seconds(phase.Duration)}");
        }

        if (phase.MaxVusers is { } cap)
        {
            if (phase.Kind is PhaseKind.Pause or PhaseKind.Concurrency)
            {
                return new($"{path}.maxVusers", "caps the virtual users of an arrival phase only (a pause releases none, a closed-model phase has a fixed number)");
            }

            if (Range(cap, 1, MaxConcurrency, $"{path}.maxVusers") is { } capProblem)
            {
                return capProblem;
            }
        }

        return phase.Kind switch
        {
            PhaseKind.ArrivalRate => Range(phase.ArrivalRate, 0, MaxRate, $"{path}.arrivalRate")
                ?? (phase.RampTo is { } rampTo ? Range(rampTo, 0, MaxRate, $"{path}.rampTo") : null),
            PhaseKind.ArrivalCount => phase.ArrivalCount is not { } count || count < 0 || count > MaxRate * phase.Duration.TotalSeconds
                ? new($"{path}.arrivalCount", $"must be a whole number between 0 and {MaxRate.ToString(CultureInfo.InvariantCulture)} per second of the phase, found {phase.ArrivalCount}")
                : null,
            PhaseKind.Pause => null,
            PhaseKind.Concurrency => Range(phase.Concurrency, 0, MaxConcurrency, $"{path}.concurrency")
                ?? (phase.RampToConcurrency is { } end ? Range(end, 0, MaxConcurrency, $"{path}.rampToConcurrency") : null),
            _ => new(path, $"unknown phase kind {phase.Kind}"),
        };
    }

    private static ProfileProblem? Range(double value, double min, double max, string key) =>
        double.IsFinite(value) && value >= min && value <= max
            ? null
            : new(key, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {value.ToString(CultureInfo.InvariantCulture)}");

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
}
