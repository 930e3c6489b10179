using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Metrics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Telemetry;

namespace Perf.Engine.Benchmarks;

/// <summary>
/// The instruments' cost without a load run around it, figures a load run's CPU hides in its noise: the call one
/// request makes on the run's <see cref="RunTelemetry"/> (a finished 200 GET), in a loop on one
/// thread, with nothing listening and with the OTLP export's meter provider listening (nanoseconds of process CPU and allocated
/// bytes per request; the other threads idle meanwhile); and the CPU of one collection and OTLP/HTTP post of the engine's meter, with and without the runtime's.
/// </summary>
internal static class InstrumentCost
{
    private const int Exports = 100;

    /// <summary>Long enough that no periodic export runs during a measurement: the forced ones are counted alone.</summary>
    private const int ExportInterval = 600_000;

    public static void Run(Uri target, Uri metricsSink, int count)
    {
        var profile = ProfileBuilder.Create("instruments")
            .WithTarget(target)
            .WithLoad(Load.ConstantRate(1000, TimeSpan.FromSeconds(10), "1000/s"))
            .WithScenario("trivial", flow => _ = flow.Get("/"))
            .Build();
        var plan = new CompiledPlan(profile);
        var phases = profile.Phases.Select((phase, index) => new RunPhase(index, phase, Stopwatch.GetTimestamp())).ToArray();
        var telemetry = new RunTelemetry(EngineInstruments.For(null), plan, phases);

        Console.WriteLine("(a) instrument calls of one request (a finished 200 GET), one thread, after a warm-up");
        Console.WriteLine("listener                               ns CPU/request  bytes/request");
        Record("nothing (instruments disabled)", telemetry, count);
        using (ObservationSwitch.StartExport(metricsSink, ExportInterval))
        {
            Record("OTLP export's meter provider", telemetry, count);
        }

        Console.WriteLine();
        Console.WriteLine($"(b) one collection and OTLP/HTTP post to the endpoint's sink, process CPU over {Exports} forced exports");
        Console.WriteLine("meters                                 ms CPU/export");
        foreach (var runtimeMetrics in new[] { false, true })
        {
            using var provider = ObservationSwitch.StartExport(metricsSink, ExportInterval, runtimeMetrics);
            Record("(series for the export)", telemetry, 1_000, print: false);
            provider.ForceFlush();
            using var self = Process.GetCurrentProcess();
            var before = self.TotalProcessorTime;
            for (var i = 0; i < Exports; i++)
            {
                provider.ForceFlush();
            }

            self.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(runtimeMetrics ? "Perf.Engine and System.Runtime" : "Perf.Engine"),-37}  {(self.TotalProcessorTime - before).TotalMilliseconds / Exports,13:F3}"));
        }
    }

    private static void Record(string listener, RunTelemetry telemetry, int count, bool print = true)
    {
        Loop(telemetry, count / 10);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        Loop(telemetry, count);
        self.Refresh();
        cpu = self.TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{listener,-37}  {cpu.TotalNanoseconds / count,10:F1}  {allocated / (double)count,13:F2}"));
        }
    }

    private static void Loop(RunTelemetry telemetry, int count)
    {
        for (var i = 0; i < count; i++)
        {
            telemetry.StepFinished(0, 0, 1_000 + (i & 1023), 200, null);
        }
    }
}
