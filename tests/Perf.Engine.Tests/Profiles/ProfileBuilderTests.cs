using Perf.Engine.Profiles;

namespace Perf.Engine.Tests.Profiles;

public class ProfileBuilderTests
{
    [Fact]
    public void BuilderAndYamlProduceTheSameProfile()
    {
        var yaml = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:8080"
              http: { timeout: 5 }
              phases:
                - { name: warm-up, duration: 2, arrivalRate: 5 }
                - { duration: 4, arrivalRate: 5, rampTo: 50 }
                - { duration: 3, arrivalCount: 12 }
                - { pause: 1 }
              variables:
                currency: ["EUR", "USD"]
              plugins:
                ensure:
                  thresholds:
                    - http.response_time.p95: 100
                    - plugins.metrics-by-endpoint.response_time.create-payment.p99: 500
                  maxErrorRate: 1
            scenarios:
              - name: pay
                weight: 3
                flow:
                  - post:
                      url: "/payments"
                      name: create-payment
                      json: { amount: 12.5, currency: "{{ currency }}" }
                      capture: { json: "$.id", as: paymentId }
                      expect: [{ statusCode: 202 }]
                  - think: 0.5
                  - loop:
                      - get: { url: "/payments/{{ paymentId }}", headers: { X-Trace: "t" } }
                    count: 2
            """, "same.yml");

        var built = ProfileBuilder.Create("same")
            .WithTarget("http://127.0.0.1:8080")
            .WithHttpTimeout(TimeSpan.FromSeconds(5))
            .WithLoad(
                Load.ConstantRate(5, TimeSpan.FromSeconds(2), "warm-up"),
                Load.RampRate(5, 50, TimeSpan.FromSeconds(4)),
                Load.ArrivalCount(12, TimeSpan.FromSeconds(3)),
                Load.Pause(TimeSpan.FromSeconds(1)))
            .WithVariable("currency", "EUR", "USD")
            .WithScenario("pay", 3, flow => flow
                .Post("/payments", new { amount = 12.5, currency = "{{ currency }}" }, r => r.Named("create-payment").Capture("$.id", "paymentId").Expect(202))
                .Think(TimeSpan.FromSeconds(0.5))
                .Loop(2, loop => loop.Get("/payments/{{ paymentId }}", r => r.Header("X-Trace", "t"))))
            .WithThresholds(
                ThresholdSpec.ResponseTime(Aggregation.P95, 100),
                ThresholdSpec.RequestResponseTime("create-payment", Aggregation.P99, 500),
                ThresholdSpec.MaxErrorRate(1))
            .Build();

        built.Should().BeEquivalentTo(yaml, o => o.Excluding(p => p.SourcePath).RespectingRuntimeTypes());
        built.Phases.Select(p => p.Name).Should().Equal("warm-up", "phase 2", "phase 3", "phase 4");
    }

    /// <summary>The same broken rule, once in YAML and once in code: one validator, so the same key and the same problem.</summary>
    [Theory]
    [InlineData("rampTo")]
    [InlineData("duration")]
    [InlineData("unknownVariable")]
    [InlineData("capturePath")]
    [InlineData("duplicateScenario")]
    [InlineData("noWeight")]
    [InlineData("errorRate")]
    [InlineData("thresholdScope")]
    [InlineData("thresholdPhase")]
    [InlineData("phaseThresholdScope")]
    [InlineData("phaseErrorRate")]
    [InlineData("loopCount")]
    [InlineData("emptyFlow")]
    public void BuilderAndLoaderBreakTheSameRuleTheSameWay(string rule)
    {
        var (yaml, build) = BrokenProfiles[rule];

        var fromYaml = ((Action)(() => ProfileLoader.Parse(yaml, "bad.yml"))).Should().Throw<ProfileException>().Which;
        var fromCode = build.Should().Throw<ProfileException>().Which;

        fromCode.Key.Should().Be(fromYaml.Key);
        fromCode.Problem.Should().Be(fromYaml.Problem);
        fromYaml.Line.Should().BePositive("the loader names the line");
        fromCode.Message.Should().Be($"profile 'broken' (built in code): '{fromYaml.Key}': {fromYaml.Problem}");
    }

    [Fact]
    public void MissingTargetIsNamed()
    {
        var act = () => ProfileBuilder.Create("no-target").WithLoad(Load.ConstantRate(1, TimeSpan.FromSeconds(1))).WithScenario("s", f => f.Get("/")).Build();

        act.Should().Throw<ProfileException>().Which.Key.Should().Be("config.target");
    }

    [Fact]
    public void CustomStepNeedsANameAndMayProduceVariables()
    {
        static ValueTask<StepResult> Ok(StepContext context, CancellationToken ct) => ValueTask.FromResult(StepResult.Ok());
        var builder = () => Base().WithScenario("s", f => f.Step("make-id", Ok, "id").Get("/items/{{ id }}")).Build();
        var unnamed = () => Base().WithScenario("s", f => f.Step(" ", Ok)).Build();

        builder.Should().NotThrow();
        unnamed.Should().Throw<ProfileException>().Which.Key.Should().Be("scenarios[0].flow[0].step");
    }

    private static ProfileBuilder NamedPhaseBase() => ProfileBuilder.Create("broken")
        .WithTarget("http://127.0.0.1:8080")
        .WithLoad(Load.ConstantRate(1, TimeSpan.FromSeconds(1), "sustained"));

    private static ProfileBuilder Base(string name = "broken") => ProfileBuilder.Create(name)
        .WithTarget("http://127.0.0.1:8080")
        .WithLoad(Load.ConstantRate(1, TimeSpan.FromSeconds(1)));

    private const string NamedPhase = "config:\n  target: \"http://127.0.0.1:8080\"\n  phases: [{ name: sustained, duration: 1, arrivalRate: 1 }]\n";

    private const string Config = "config:\n  target: \"http://127.0.0.1:8080\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n";

    private static readonly Dictionary<string, (string Yaml, Action Build)> BrokenProfiles = new()
    {
        ["rampTo"] = (
            "config:\n  target: \"http://127.0.0.1:8080\"\n  phases:\n    - duration: 1\n      arrivalRate: 1\n      rampTo: -5\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => ProfileBuilder.Create("broken").WithTarget("http://127.0.0.1:8080").WithLoad(Load.RampRate(1, -5, TimeSpan.FromSeconds(1)))
                .WithScenario("s", f => f.Get("/")).Build()),
        ["duration"] = (
            "config:\n  target: \"http://127.0.0.1:8080\"\n  phases:\n    - duration: 0\n      arrivalRate: 1\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => ProfileBuilder.Create("broken").WithTarget("http://127.0.0.1:8080").WithLoad(Load.ConstantRate(1, TimeSpan.Zero))
                .WithScenario("s", f => f.Get("/")).Build()),
        ["unknownVariable"] = (
            Config + "scenarios: [{ name: s, flow: [{ get: { url: \"/p/{{ id }}\" } }] }]\n",
            () => Base().WithScenario("s", f => f.Get("/p/{{ id }}")).Build()),
        ["capturePath"] = (
            Config + "scenarios: [{ name: s, flow: [{ get: { url: \"/\", capture: { json: \"id\", as: x } } }] }]\n",
            () => Base().WithScenario("s", f => f.Get("/", r => r.Capture("id", "x"))).Build()),
        ["duplicateScenario"] = (
            Config + "scenarios:\n  - { name: a, flow: [{ get: { url: \"/\" } }] }\n  - { name: a, flow: [{ get: { url: \"/\" } }] }\n",
            () => Base().WithScenario("a", f => f.Get("/")).WithScenario("a", f => f.Get("/")).Build()),
        ["noWeight"] = (
            Config + "scenarios: [{ name: s, weight: 0, flow: [{ get: { url: \"/\" } }] }]\n",
            () => Base().WithScenario("s", 0, f => f.Get("/")).Build()),
        ["errorRate"] = (
            Config + "  plugins: { ensure: { maxErrorRate: 150 } }\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => Base().WithScenario("s", f => f.Get("/")).WithThresholds(ThresholdSpec.MaxErrorRate(150)).Build()),
        ["thresholdScope"] = (
            Config + "  plugins: { ensure: { thresholds: [{ scenarios.nope.response_time.p95: 100 }] } }\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => Base().WithScenario("s", f => f.Get("/")).WithThresholds(ThresholdSpec.ScenarioResponseTime("nope", Aggregation.P95, 100)).Build()),
        ["thresholdPhase"] = (
            NamedPhase + "  plugins: { ensure: { phases: { peak: { maxErrorRate: 1 } } } }\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => NamedPhaseBase().WithScenario("s", f => f.Get("/")).WithThresholds(ThresholdSpec.MaxErrorRate(1).InPhase("peak")).Build()),
        ["phaseThresholdScope"] = (
            NamedPhase + "  plugins: { ensure: { phases: { sustained: { thresholds: [{ plugins.metrics-by-endpoint.response_time.a.p99: 5 }] } } } }\nscenarios: [{ name: s, flow: [{ get: { url: \"/\", name: a } }] }]\n",
            () => NamedPhaseBase().WithScenario("s", f => f.Get("/", r => r.Named("a")))
                .WithThresholds(ThresholdSpec.RequestResponseTime("a", Aggregation.P99, 5).InPhase("sustained")).Build()),
        ["phaseErrorRate"] = (
            NamedPhase + "  plugins: { ensure: { phases: { sustained: { maxErrorRate: 150 } } } }\nscenarios: [{ name: s, flow: [{ get: { url: \"/\" } }] }]\n",
            () => NamedPhaseBase().WithScenario("s", f => f.Get("/")).WithThresholds(ThresholdSpec.MaxErrorRate(150).InPhase("sustained")).Build()),
        ["loopCount"] = (
            Config + "scenarios: [{ name: s, flow: [{ loop: [{ get: { url: \"/\" } }], count: 0 }] }]\n",
            () => Base().WithScenario("s", f => f.Loop(0, l => l.Get("/"))).Build()),
        ["emptyFlow"] = (
            Config + "scenarios: [{ name: s, flow: [{ think: 1 }] }]\n",
            () => Base().WithScenario("s", f => f.Think(TimeSpan.FromSeconds(1))).Build()),
    };
}
