using System.Reflection;

namespace Perf.Engine.Telemetry;

/// <summary>
/// The engine's meter and its instruments' names (docs/observability.md). The request duration follows OpenTelemetry's
/// HTTP client semantic conventions; the rest are the engine's own, under <c>perf.engine.</c>.
/// <c>dotnet-counters monitor -n &lt;process&gt; --counters Perf.Engine</c> watches them.
/// </summary>
public static class EngineMeter
{
    public const string Name = "Perf.Engine";

    /// <summary>Histogram, seconds, of HTTP request steps: from the step's intended start (as the report measures) to the end of the response.</summary>
    public const string RequestDuration = "http.client.request.duration";

    /// <summary>Histogram, seconds, of custom steps (not HTTP requests of the engine's own).</summary>
    public const string StepDuration = "perf.engine.step.duration";

    /// <summary>Counter of finished requests and custom steps, by request and status code.</summary>
    public const string Requests = "perf.engine.requests";

    /// <summary>Counter of failed requests and steps, by request and error kind.</summary>
    public const string Errors = "perf.engine.errors";

    /// <summary>Counter of started arrivals (open model: virtual users; closed model: iterations), by phase.</summary>
    public const string Arrivals = "perf.engine.arrivals";

    /// <summary>Counter of arrivals that started later than the late-arrival threshold, by phase.</summary>
    public const string LateArrivals = "perf.engine.arrivals.late";

    /// <summary>Up-down counter (observed): requests and custom steps in flight.</summary>
    public const string InFlight = "perf.engine.in_flight";

    /// <summary>Gauge (observed), arrivals per second: the schedule's rate now; absent in a closed-model phase.</summary>
    public const string TargetRate = "perf.engine.arrival_rate.target";

    /// <summary>Gauge (observed), arrivals per second over the last whole second, the value of the run's 1-second series.</summary>
    public const string AchievedRate = "perf.engine.arrival_rate.achieved";

    /// <summary>Gauge (observed): the zero-based index of the running phase, with its name and load model as attributes.</summary>
    public const string Phase = "perf.engine.phase";

    /// <summary>Gauge (observed): users a closed-model phase keeps busy now; absent in an open-model phase.</summary>
    public const string ClosedUsers = "perf.engine.closed.users";

    public const string ScenarioAttribute = "perf.scenario";
    public const string RequestAttribute = "perf.request";
    public const string PhaseAttribute = "perf.phase";
    public const string LoadModelAttribute = "perf.load_model";

    /// <summary>The engine assembly's informational version, the meter's version.</summary>
    public static string Version { get; } =
        typeof(EngineMeter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(EngineMeter).Assembly.GetName().Version?.ToString()
        ?? "0";
}
