using Perf.Engine.Profiles;
using Perf.Engine.Tests.Infrastructure;

namespace Perf.Engine.Tests.Profiles;

public class ProfileLoaderTests
{
    private const string ValidConfig = """
        config:
          target: "http://127.0.0.1:8080"
          phases:
            - duration: 10
              arrivalRate: 5
        scenarios:
          - name: health
            flow:
              - get:
                  url: "/health"
        """;

    [Fact]
    public void OneKProfileHasTheFourPhasesAndWeightedScenarios()
    {
        var profile = ProfileLoader.Load(ShippedProfiles.PathOf("artillery-1k.yml"));

        profile.Name.Should().Be("artillery-1k");
        profile.Phases.Select(p => (p.Name, p.Duration.TotalSeconds, p.ArrivalRate, p.RampTo)).Should().Equal(
            ("warm-up", 30, 10, null), ("ramp-up", 60, 10, 100), ("sustained", 120, 1000, null), ("cool-down", 30, 50, null));
        profile.TotalDuration.Should().Be(TimeSpan.FromSeconds(240));
        profile.Scenarios.Select(s => (s.Name, s.Weight)).Should().Equal(
            ("health", 10), ("payment create and read back", 50), ("analytics summary", 15), ("notification", 25));
        var payment = profile.Scenarios[1].Requests;
        payment[0].Key.Should().Be("POST /payments");
        payment[0].Captures.Should().ContainSingle().Which.Should().Be(new Capture("$.id", "paymentId"));
        payment[0].ExpectedStatusCodes.Should().Equal(202);
        payment[1].Key.Should().Be("GET /payments/{{ paymentId }}");
        profile.Thresholds.Select(t => (t.Expression, t.Allowed)).Should().Equal(
            ("http.response_time.p95", 100), ("http.response_time.p99", 500),
            ("plugins.metrics-by-endpoint.response_time.create-payment.p99", 500), ("maxErrorRate", 1));
        profile.HttpTimeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SmokeProfileRunsAboutAMinute()
    {
        var profile = ProfileLoader.Load(ShippedProfiles.PathOf("artillery-smoke.yml"));

        profile.TotalDuration.Should().Be(TimeSpan.FromSeconds(60));
        profile.Scenarios.Should().HaveCount(4);
    }

    [Fact]
    public void TimeScaleMultipliesEveryPhaseDurationAndKeepsRates()
    {
        var profile = ProfileLoader.Load(ShippedProfiles.PathOf("artillery-1k.yml"), new ProfileOverrides { TimeScale = 0.1 });

        profile.TimeScale.Should().Be(0.1);
        profile.Phases.Select(p => p.Duration.TotalSeconds).Should().Equal(3, 6, 12, 3);
        profile.Phases.Select(p => p.ArrivalRate).Should().Equal(10, 10, 1000, 50);
    }

    [Fact]
    public void TargetOverrideReplacesConfigTarget()
    {
        var profile = ProfileLoader.Parse(ValidConfig, "t.yml", new ProfileOverrides { Target = "http://127.0.0.1:5000" });

        profile.Target.Should().Be(new Uri("http://127.0.0.1:5000"));
    }

    [Fact]
    public void YamlBodiesKeepNumbersAndTemplatedStrings()
    {
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:8080"
              phases: [{ duration: "2s", arrivalRate: 1 }]
              variables:
                currency: ["EUR", "USD"]
            scenarios:
              - flow:
                  - post:
                      url: "/payments"
                      json: { amount: 12.5, currency: "{{ currency }}", id: "007", ok: true }
            """, "t.yml");

        profile.Scenarios[0].Requests[0].JsonBody.Should().Be("""{"amount":12.5,"currency":"{{ currency }}","id":"007","ok":true}""");
        profile.Variables["currency"].Should().Equal("EUR", "USD");
        profile.Phases[0].Duration.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\nbefore: {}\n", 5, "before", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  processor: \"./p.js\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 3, "config.processor", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases:\n    - duration: 1\n      maxVusers: 0\n      arrivalRate: 1\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 5, "config.phases[0].maxVusers", "must be between 1 and")]
    [InlineData("config:\n  target: \"http://x\"\n  phases:\n    - duration: 1\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 4, "config.phases[0]", "exactly one of: arrivalRate")]
    [InlineData("config:\n  target: \"http://x\"\n  phases:\n    - duration: -5\n      arrivalRate: 1\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 4, "config.phases[0].duration", "positive duration")]
    [InlineData("config:\n  target: \"http://x\"\n  phases:\n    - duration: 5\n      arrivalRate: fast\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 5, "config.phases[0].arrivalRate", "must be a number")]
    [InlineData("config:\n  target: \"ftp://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 2, "config.target", "absolute http(s) URL")]
    [InlineData("config:\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 2, "config.target", "is required")]
    [InlineData("config:\n  target: \"http://x\"\n  http:\n    timeout: 5\n    pool: 10\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 5, "config.http.pool", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/p/{{ id }}\"\n", 7, "scenarios[0].flow[0].get.url", "variable 'id'")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/p/{{ $randomNumber(1,5) }}\"\n", 7, "scenarios[0].flow[0].get.url", "Artillery processor")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/\"\n          followRedirect: false\n", 8, "scenarios[0].flow[0].get.followRedirect", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - function: setUp\n", 6, "scenarios[0].flow[0].function", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/\"\n          capture:\n            json: \"$.id\"\n", 9, "scenarios[0].flow[0].get.capture", "needs both")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/\"\n          capture:\n            json: \"id\"\n            as: x\n", 9, "scenarios[0].flow[0].get.capture.json", "unsupported JSON path")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/\"\n          expect:\n            - statusCode: ok\n", 9, "scenarios[0].flow[0].get.expect[0].statusCode", "must be a number")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get:\n          url: \"/\"\n          expect:\n            - contentType: json\n", 9, "scenarios[0].flow[0].get.expect[0].contentType", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - weight: 2.5\n    flow: [{ get: { url: \"/\" } }]\n", 5, "scenarios[0].weight", "whole number")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - name: a\n    flow: []\n", 6, "scenarios[0].flow", "at least one request")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios: []\n", 4, "scenarios", "at least one scenario")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - name: a\n    flow: [{ get: { url: \"/\" } }]\n  - name: a\n    flow: [{ get: { url: \"/\" } }]\n", 7, "scenarios[1].name", "duplicate scenario name")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n      - get: { url: \"/\" }\n        post: { url: \"/\" }\n", 6, "scenarios[0].flow[0]", "exactly one of")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      thresholds:\n        - http.latency.p95: 100\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 7, "config.plugins.ensure.thresholds[0].http.latency.p95", "unsupported metric")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      thresholds:\n        - http.response_time.p42: 100\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 7, "config.plugins.ensure.thresholds[0].http.response_time.p42", "unsupported aggregation")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      thresholds:\n        - scenarios.nope.response_time.p95: 100\nscenarios: [{ name: a, flow: [{ get: { url: \"/\" } }] }]\n", 7, "config.plugins.ensure.thresholds[0].scenarios.nope.response_time.p95", "no scenario is named 'nope'")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      maxErrorRate: 150\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 6, "config.plugins.ensure.maxErrorRate", "between 0 and 100")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n  plugins:\n    apdex: {}\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 5, "config.plugins.apdex", "unknown key")]
    [InlineData("config:\n  target: \"http://x\"\n  phases:\n    - duration: 1\n   arrivalRate: 1\nscenarios: []\n", 5, "(yaml)", "not valid YAML")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: 5\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 3, "config.phases", "must be a list")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ duration: 1, arrivalRate: 1 }]\n", 1, "scenarios", "is required")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ name: sustained, duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      phases:\n        sustaned:\n          maxErrorRate: 1\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 8, "config.plugins.ensure.phases.sustaned", "no phase is named 'sustaned' (phases: 'sustained')")]
    [InlineData("config:\n  plugins:\n    ensure:\n      phases:\n        peak:\n          thresholds:\n            - http.response_time.p99: 5\n  target: \"http://x\"\n  phases: [{ name: sustained, duration: 1, arrivalRate: 1 }]\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 6, "config.plugins.ensure.phases.peak", "no phase is named 'peak'")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ name: sustained, duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      phases:\n        sustained:\n          thresholds:\n            - plugins.metrics-by-endpoint.response_time.a.p99: 5\nscenarios: [{ flow: [{ get: { url: \"/\", name: a } }] }]\n", 9, "config.plugins.ensure.phases.sustained.thresholds[0].plugins.metrics-by-endpoint.response_time.a.p99", "a phase threshold covers the phase's requests as a whole")]
    [InlineData("config:\n  target: \"http://x\"\n  phases: [{ name: sustained, duration: 1, arrivalRate: 1 }]\n  plugins:\n    ensure:\n      phases:\n        sustained:\n          p99: 5\nscenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n", 8, "config.plugins.ensure.phases.sustained.p99", "unknown key (allowed: thresholds, maxErrorRate)")]
    public void InvalidProfileIsRejectedNamingFileLineAndKey(string yaml, int line, string key, string problem) =>
        ProfileRejection.ShouldReject(yaml, line, key, problem);

    [Fact]
    public void PhaseThresholdsAreReadFromTheEnsurePhasesKey()
    {
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:8080"
              phases:
                - { name: warm-up, duration: 1, arrivalRate: 1 }
                - { name: sustained, duration: 1, arrivalRate: 5 }
              plugins:
                ensure:
                  thresholds:
                    - http.response_time.p99: 500
                  phases:
                    sustained:
                      thresholds:
                        - http.response_time.p99: 250
                      maxErrorRate: 0.5
            scenarios: [{ flow: [{ get: { url: "/" } }] }]
            """, "phases.yml");

        profile.Thresholds.Select(t => (t.Expression, t.Allowed, t.Phase)).Should().Equal(
            ("http.response_time.p99", 500, null),
            ("http.response_time.p99", 250, "sustained"),
            ("maxErrorRate", 0.5, "sustained"));
    }

    [Fact]
    public void UnclosedFlowListIsInvalidYaml()
    {
        var act = () => ProfileLoader.Parse("config:\n  phases: [{ duration: 1, arrivalRate: 1 }\nscenarios: []\n", "bad.yml");

        act.Should().Throw<ProfileException>().Which.Key.Should().Be("(yaml)");
    }

    [Fact]
    public void MissingFileIsReportedWithItsPath()
    {
        var act = () => ProfileLoader.Load("/nonexistent/profile.yml");

        act.Should().Throw<ProfileException>().WithMessage("/nonexistent/profile.yml:0: '(file)': file not found");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void NonPositiveTimeScaleIsRejected(double timeScale)
    {
        var act = () => ProfileLoader.Parse(ValidConfig, "t.yml", new ProfileOverrides { TimeScale = timeScale });

        act.Should().Throw<ProfileException>().Which.Key.Should().Be("(override) timeScale");
    }

    [Fact]
    public void InvalidTargetOverrideIsRejected()
    {
        var act = () => ProfileLoader.Parse(ValidConfig, "t.yml", new ProfileOverrides { Target = "localhost" });

        act.Should().Throw<ProfileException>().Which.Key.Should().Be("(override) target");
    }

    [Fact]
    public void CapturedVariableIsUsableInLaterStepsOnly()
    {
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:8080"
              phases: [{ duration: 1, arrivalRate: 1 }]
              plugins:
                ensure:
                  thresholds:
                    - scenarios.pay.response_time.p99: 300
                    - plugins.metrics-by-endpoint.response_time.read.p95: 200
            scenarios:
              - name: pay
                flow:
                  - post: { url: "/payments", json: { a: 1 }, capture: { json: "$.id", as: paymentId } }
                  - get: { url: "/payments/{{ paymentId }}", name: read, headers: { X-Id: "{{ paymentId }}" } }
            """, "t.yml");

        profile.Scenarios[0].Requests[1].Headers["X-Id"].Should().Be("{{ paymentId }}");
        profile.Thresholds.Select(t => (t.ScopeKind, t.Scope, t.Aggregation)).Should().Equal(
            (ThresholdScope.Scenario, "pay", Aggregation.P99), (ThresholdScope.Request, "read", Aggregation.P95));
    }
}
