using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Telemetry;
using Perf.Testing;

namespace Perf.Engine.Tests.Telemetry;

public class EngineInstrumentsTests
{
    private static readonly string[] CounterNames = [EngineMeter.Requests, EngineMeter.Errors, EngineMeter.Arrivals, EngineMeter.LateArrivals];

    [Fact]
    public async Task InstrumentsCountWhatTheReportCounts()
    {
        await using var server = await StartServerAsync();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var listener = new RecordingListener(factory);
        var observedDuringRun = new ConcurrentBag<Recorded>();
        var profile = Profile(server.Address, "instruments", rate: 40);

        var report = await new LoadRunner().RunAsync(profile, new RunOptions
        {
            MeterFactory = factory,
            ProgressInterval = TimeSpan.FromSeconds(0.5),
            Progress = _ =>
            {
                foreach (var gauge in listener.Observe())
                {
                    observedDuringRun.Add(gauge);
                }
            },
        }, TestContext.Current.CancellationToken);

        var durations = listener.Of(EngineMeter.RequestDuration);
        durations.Should().HaveCount((int)report.Totals.Requests);
        var ok = durations.Where(d => d.Tag("url.template") is "/ok").ToList();
        ok.Should().HaveCount((int)report.GetRequest("GET /ok").Stats.Status(200));
        ok.Should().OnlyContain(d => (string?)d.Tag("http.request.method") == "GET" && (int?)d.Tag("http.response.status_code") == 200
            && (string?)d.Tag("server.address") == "127.0.0.1" && (int?)d.Tag("server.port") == server.Address.Port
            && (string?)d.Tag(EngineMeter.ScenarioAttribute) == "instruments" && d.Tag("error.type") == null);
        ok.Should().OnlyContain(d => d.Value > 0 && d.Value < 10, "seconds, not microseconds");

        // The counters are observed: after the run they hold its totals, by attribute set.
        var totals = listener.Observe();
        totals.Where(c => c.Instrument == EngineMeter.Requests).Sum(r => r.Value).Should().Be(report.Totals.Requests);
        totals.Where(c => c.Instrument == EngineMeter.Requests && (int?)c.Tag("http.response.status_code") == 200).Sum(r => r.Value)
            .Should().Be(report.GetRequest("GET /ok").Stats.Status(200));
        var errors = totals.Where(c => c.Instrument == EngineMeter.Errors).ToList();
        errors.Sum(e => e.Value).Should().Be(report.Totals.ErrorCount).And.BeGreaterThan(0);
        errors.Should().OnlyContain(e => (string?)e.Tag("error.type") == "http5xx" && (int?)e.Tag("http.response.status_code") == 503);
        totals.Where(c => c.Instrument == EngineMeter.Arrivals).Sum(a => a.Value).Should().Be(report.Phases.Single().StartedArrivals);
        totals.Where(c => c.Instrument == EngineMeter.Arrivals).Should().OnlyContain(a => (string?)a.Tag(EngineMeter.PhaseAttribute) == "steady");
        totals.Where(c => c.Instrument == EngineMeter.LateArrivals).Sum(a => a.Value).Should().Be(report.Phases.Single().LateArrivals);
        totals.Should().OnlyContain(c => CounterNames.Contains(c.Instrument), "a finished run is no longer observed by the gauges");

        observedDuringRun.Where(g => g.Instrument == EngineMeter.TargetRate).Should().NotBeEmpty()
            .And.OnlyContain(g => g.Value == 40 && (string?)g.Tag(EngineMeter.PhaseAttribute) == "steady");
        observedDuringRun.Where(g => g.Instrument == EngineMeter.Phase).Should().NotBeEmpty().And.OnlyContain(g => g.Value == 0);
        observedDuringRun.Where(g => g.Instrument == EngineMeter.AchievedRate).Should().NotBeEmpty().And.Contain(g => g.Value > 0);
        observedDuringRun.Where(g => g.Instrument == EngineMeter.InFlight).Should().NotBeEmpty();
        observedDuringRun.Where(g => g.Instrument == EngineMeter.Requests).Should().Contain(g => g.Value > 0, "the counters count while the run goes");
    }

    [Fact]
    public async Task CountersAddUpOverTheRunsOfAProcess()
    {
        await using var server = await StartServerAsync();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var listener = new RecordingListener(factory);
        var options = new RunOptions { MeterFactory = factory, ProgressInterval = TimeSpan.FromHours(1) };

        var first = await new LoadRunner().RunAsync(Profile(server.Address, "instruments", rate: 20), options, TestContext.Current.CancellationToken);
        var second = await new LoadRunner().RunAsync(Profile(server.Address, "instruments", rate: 20), options, TestContext.Current.CancellationToken);

        var totals = listener.Observe();
        totals.Where(c => c.Instrument == EngineMeter.Requests).Sum(r => r.Value).Should().Be(first.Totals.Requests + second.Totals.Requests);
        totals.Where(c => c.Instrument == EngineMeter.Errors).Sum(r => r.Value).Should().Be(first.Totals.ErrorCount + second.Totals.ErrorCount);
        totals.Where(c => c.Instrument == EngineMeter.Arrivals).Should().ContainSingle("equal attributes of two runs are one series")
            .Which.Value.Should().Be(first.Phases.Single().StartedArrivals + second.Phases.Single().StartedArrivals);
    }

    [Fact]
    public async Task OtlpPipelineExportsTheRequestDurationHistogram()
    {
        await using var server = await StartServerAsync();
        var exported = new List<Metric>();
        var scenario = $"otlp-{Guid.NewGuid():N}";

        using (var provider = OtlpMetricsExport.Start(builder => builder.AddInMemoryExporter(exported)))
        {
            var report = await new LoadRunner().RunAsync(Profile(server.Address, scenario, rate: 20), new RunOptions { ProgressInterval = TimeSpan.FromHours(1) }, TestContext.Current.CancellationToken);
            provider.ForceFlush().Should().BeTrue();

            // Other tests run the process-wide meter at the same time: only this test's scenario counts.
            var histogram = exported.Last(m => m.Name == EngineMeter.RequestDuration);
            histogram.Unit.Should().Be("s");
            histogram.MeterName.Should().Be(EngineMeter.Name);
            histogram.MeterVersion.Should().Be(EngineMeter.Version);
            long count = 0;
            foreach (ref readonly var point in histogram.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == EngineMeter.ScenarioAttribute && (string?)tag.Value == scenario)
                    {
                        count += point.GetHistogramCount();
                    }
                }
            }

            count.Should().Be(report.Totals.Requests);
        }
    }

    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/ok", () => Results.Ok());
        app.MapGet("/busy", () => Results.StatusCode(503));
    });

    private static LoadProfile Profile(Uri target, string scenario, int rate) => ProfileBuilder.Create("instruments")
        .WithTarget(target)
        .WithLoad(Load.ConstantRate(rate, TimeSpan.FromSeconds(1.5), "steady"))
        .WithScenario(scenario, flow => flow.Get("/ok").Get("/busy"))
        .Build();

    /// <summary>One measurement as a listener saw it.</summary>
    private sealed record Recorded(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }

    /// <summary>A <see cref="MeterListener"/> on the engine's instruments of one meter factory only.</summary>
    private sealed class RecordingListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Recorded> _recorded = new();
        private readonly ThreadLocal<List<Recorded>?> _observing = new();

        public RecordingListener(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EngineMeter.Name && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public List<Recorded> Of(string instrument) => [.. _recorded.Where(r => r.Instrument == instrument)];

        /// <summary>Reads the observed instruments now.</summary>
        public List<Recorded> Observe()
        {
            var seen = new List<Recorded>();
            lock (_listener)
            {
                _observing.Value = seen;
                _listener.RecordObservableInstruments();
                _observing.Value = null;
            }

            return seen;
        }

        public void Dispose()
        {
            _listener.Dispose();
            _observing.Dispose();
        }

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var recorded = new Recorded(instrument.Name, value, tags.ToArray());
            if (_observing.Value is { } observing)
            {
                observing.Add(recorded);
            }
            else
            {
                _recorded.Enqueue(recorded);
            }
        }
    }
}
