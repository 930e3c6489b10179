namespace Perf.Engine.Profiles;

/// <summary>
/// Builds a <see cref="LoadProfile"/> in code: the same model the YAML loader produces, checked by the same rules
/// (a broken rule throws a <see cref="ProfileException"/> naming the same key the YAML form would).
/// </summary>
/// <example>
/// <code>
/// var profile = ProfileBuilder.Create("checkout")
///     .WithTarget("http://127.0.0.1:8080")
///     .WithLoad(Load.ConstantRate(50, TimeSpan.FromSeconds(30), "steady"))
///     .WithScenario("pay", 3, flow => flow
///         .Post("/payments", new { amount = 12.5 }, r => r.Named("create-payment").Capture("$.id", "paymentId").Expect(202))
///         .Get("/payments/{{ paymentId }}"))
///     .WithThresholds(ThresholdSpec.ResponseTime(Aggregation.P95, 100), ThresholdSpec.MaxErrorRate(1))
///     .Build();
/// </code>
/// </example>
public sealed class ProfileBuilder
{
    private readonly string _name;
    private readonly List<Phase> _phases = [];
    private readonly List<Scenario> _scenarios = [];
    private readonly List<ThresholdSpec> _thresholds = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _variables = new(StringComparer.Ordinal);
    private string? _target;
    private TimeSpan _httpTimeout = TimeSpan.FromSeconds(10);
    private double _timeScale = 1.0;

    private ProfileBuilder(string name) => _name = name;

    public static ProfileBuilder Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ProfileBuilder(name);
    }

    /// <summary>Base URL every request URL is appended to (Artillery's <c>config.target</c>).</summary>
    public ProfileBuilder WithTarget(string target)
    {
        _target = target;
        return this;
    }

    public ProfileBuilder WithTarget(Uri target) => WithTarget(target.ToString());

    /// <summary>Per-request (and per custom step) timeout; Artillery's <c>config.http.timeout</c>, 10 s by default.</summary>
    public ProfileBuilder WithHttpTimeout(TimeSpan timeout)
    {
        _httpTimeout = timeout;
        return this;
    }

    /// <summary>A config variable; each virtual user picks one of <paramref name="values"/> at random.</summary>
    public ProfileBuilder WithVariable(string name, params string[] values)
    {
        _variables[name] = [.. values];
        return this;
    }

    /// <summary>Appends phases (see <see cref="Load"/>); they run back to back in the order given.</summary>
    public ProfileBuilder WithLoad(params Phase[] phases)
    {
        _phases.AddRange(phases);
        return this;
    }

    /// <summary>A scenario; each arrival picks one with probability weight / sum of weights.</summary>
    public ProfileBuilder WithScenario(string name, int weight, Action<FlowBuilder> flow)
    {
        var builder = new FlowBuilder();
        flow(builder);
        _scenarios.Add(new Scenario(name, weight, builder.Steps));
        return this;
    }

    public ProfileBuilder WithScenario(string name, Action<FlowBuilder> flow) => WithScenario(name, 1, flow);

    public ProfileBuilder WithThresholds(params ThresholdSpec[] thresholds)
    {
        _thresholds.AddRange(thresholds);
        return this;
    }

    /// <summary>Multiplies every phase duration, as <see cref="ProfileOverrides.TimeScale"/> does for a file.</summary>
    public ProfileBuilder WithTimeScale(double timeScale)
    {
        _timeScale = timeScale;
        return this;
    }

    /// <summary>The profile, checked by the loader's rules; throws <see cref="ProfileException"/> naming the key.</summary>
    public LoadProfile Build()
    {
        var source = $"profile '{_name}' (built in code)";
        if (!double.IsFinite(_timeScale) || _timeScale <= 0)
        {
            throw new ProfileException(source, "(override) timeScale", $"must be a positive number, found {_timeScale}");
        }

        var target = _target is null
            ? throw new ProfileException(source, "config.target", "is required (WithTarget)")
            : ProfileValidator.ParseTarget(_target, out var problem) ?? throw new ProfileException(source, "config.target", problem!);
        var profile = new LoadProfile
        {
            Name = _name,
            Target = target,
            TimeScale = _timeScale,
            HttpTimeout = _httpTimeout,
            Phases = [.. _phases.Select((p, i) => p with { Name = p.Name.Length > 0 ? p.Name : $"phase {i + 1}", Duration = p.Duration * _timeScale })],
            Scenarios = [.. _scenarios],
            Variables = new Dictionary<string, IReadOnlyList<string>>(_variables, StringComparer.Ordinal),
            Thresholds = [.. _thresholds],
        };
        return ProfileValidator.FirstProblem(profile) is { } broken
            ? throw new ProfileException(source, broken.Key, broken.Problem)
            : profile;
    }
}
