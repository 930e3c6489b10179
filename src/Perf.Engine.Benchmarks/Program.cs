using System.Diagnostics;
using System.Globalization;
using Perf.Engine;
using Perf.Engine.Benchmarks;
using Perf.Engine.Profiles;
using Perf.Engine.Running;

// Benchmarks of the load engine against a trivial endpoint in a separate process (see docs/load-engine.md).
// Usage: Perf.Engine.Benchmarks [--seconds N] [--rates 1000,5000,...] [--connections N] [--inline-completions on|off]
//        [--ledger on|off] (POST /jobs with a captured id, recorded in a client ledger or not)
//        [--telemetry off|otlp] (otlp: the Perf.Engine meter exported over OTLP/HTTP every second to the endpoint's sink);
//        Perf.Engine.Benchmarks instruments [--count N]: the instruments' cost per request, no load run;
//        Perf.Engine.Benchmarks alternate [--features otlp|dashboard|otlp,dashboard] [--seconds 150] [--window 5]: one run
//        at 1,000 req/s with the features switched on and off window by window, the generator's CPU per window pair;
// "serve" is the child mode.
if (args is ["serve", ..])
{
    await TrivialServer.RunAsync();
    return 0;
}

// The generator runs as a dedicated generator host should (docs/load-engine.md, "Hosting the engine"): socket
// completions run on the socket engine's threads instead of hopping to the thread pool. The runtime reads this once,
// when the first socket is created, so it is set before anything here opens one; "off" measures the runtime default.
var inlineCompletions = OptionText("--inline-completions") ?? "on";
if (inlineCompletions is not ("on" or "off"))
{
    Console.Error.WriteLine($"--inline-completions: '{inlineCompletions}' is not one of on, off");
    return 2;
}

Environment.SetEnvironmentVariable(ServerProcess.InlineCompletionsVariable, inlineCompletions == "on" ? "1" : null);

// With --ledger every arrival posts a job and captures its id ("off" too, so the two differ only by the recording).
var ledgerMode = OptionText("--ledger");
if (ledgerMode is not (null or "on" or "off"))
{
    Console.Error.WriteLine($"--ledger: '{ledgerMode}' is not one of on, off");
    return 2;
}

var jobKey = new LedgerKey("POST /jobs", "jobId");

var telemetry = OptionText("--telemetry") ?? "off";
if (telemetry is not ("off" or "otlp"))
{
    Console.Error.WriteLine($"--telemetry: '{telemetry}' is not one of off, otlp");
    return 2;
}

var seconds = Option("--seconds", 10);
var connections = Option("--connections", 64);
var rates = (OptionText("--rates") ?? "1000,5000,10000,20000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var inv = CultureInfo.InvariantCulture;

await using var server = await ServerProcess.StartAsync();
if (args is ["instruments", ..])
{
    InstrumentCost.Run(server.Address, new Uri(server.Address, TrivialServer.MetricsSinkPath), Option("--count", 2_000_000));
    return 0;
}

var metricsSink = new Uri(server.Address, TrivialServer.MetricsSinkPath);
if (args is ["alternate", ..])
{
    return await AlternateAsync(OptionText("--features") ?? "otlp");
}

using var export = telemetry == "otlp" ? ObservationSwitch.StartExport(metricsSink, 1000) : null;
Console.WriteLine($"endpoint {server.Address} (separate process), {Environment.ProcessorCount} cores, {seconds} s per measurement");
Console.WriteLine($"thread-pool spin limit: {AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") ?? "default"}, " +
    $"inline socket completions: {inlineCompletions} ({ServerProcess.InlineCompletionsVariable}={Environment.GetEnvironmentVariable(ServerProcess.InlineCompletionsVariable) ?? "unset"}), " +
    $"precise scheduler sleep: {(MonotonicSleep.IsSupported ? "clock_nanosleep" : "Thread.Sleep 1 ms steps")}, " +
    $"server GC: {System.Runtime.GCSettings.IsServerGC}, " +
    $"flow: {(ledgerMode is null ? "GET /" : $"POST /jobs with captured id, client ledger {ledgerMode}")}, " +
    $"telemetry: {(telemetry == "otlp" ? "Perf.Engine and runtime meters exported over OTLP/HTTP every second" : "off (nothing listens)")}");

// Warm-up, not reported: tiered JIT (tier-0, instrumented, tier-1) settles only after some seconds of steady calls.
await new LoadRunner().RunAsync(Profile(server.Address, 5, 5000), new RunOptions());
await new LoadRunner().RunAsync(Profile(server.Address, 3, 1000), new RunOptions());

Console.WriteLine();
Console.WriteLine("(a) open model: achieved vs target arrival rate; (b) generator CPU in % of one core per 1,000 req/s, over the");
Console.WriteLine("    steady part of the phase (from 2 s in to its last second) and over the whole run incl. set-up, drain and report");
Console.WriteLine("target/s  achieved/s  accuracy  late  lateness-p99  p50 ms  p99 ms  errors  cpu %core  per 1k steady  per 1k whole");
foreach (var rate in rates)
{
    var self = Process.GetCurrentProcess();
    var steady = new SteadyWindow(TimeSpan.FromSeconds(2));
    var cpuBefore = self.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var ledger = ledgerMode == "on" ? new ClientLedger([jobKey]) : null;
    var options = new RunOptions { Progress = steady.Observe, ProgressInterval = TimeSpan.FromSeconds(1), Ledger = ledger };
    var report = await new LoadRunner().RunAsync(Profile(server.Address, seconds, rate), options);
    watch.Stop();
    self.Refresh();
    var cpuPercent = (self.TotalProcessorTime - cpuBefore).TotalSeconds / watch.Elapsed.TotalSeconds * 100;
    var phase = report.Phases.Single();
    var perThousand = cpuPercent / (report.Totals.Rps / 1000);
    var steadyText = steady.CpuPercentPerThousandRps is { } value ? value.ToString("F2", inv) : "n/a";
    var accepted = report.TryGetRequest(jobKey.RequestKey, out var jobs) ? jobs.Stats.Status(202) : (long?)null;
    if (ledger is not null && ledger.Count != accepted)
    {
        Console.Error.WriteLine($"the ledger holds {ledger.Count} ids for {accepted} accepted answers");
        return 1;
    }

    Console.WriteLine(string.Create(inv,
        $"{rate,8}  {phase.AchievedRate,10:F1}  {Math.Round(((phase.AchievedRate / rate) - 1) * 100, 3),7:+0.000;-0.000;0.000}%  {phase.LateArrivals,4}  {phase.LatenessP99Ms,9:F2} ms  {report.Totals.Latency.P50,6:F2}  {report.Totals.Latency.P99,6:F2}  {report.Totals.ErrorCount,6}  {cpuPercent,9:F1}  {steadyText,13}  {perThousand,12:F2}"));
}

Console.WriteLine();
Console.WriteLine($"(c) closed loop, {connections} workers, {seconds} s");
var closed = await ClosedLoopRunner.RunAsync(Profile(server.Address, seconds, 1), connections, TimeSpan.FromSeconds(seconds), new RunOptions());
Console.WriteLine(string.Create(inv, $"engine closed-loop: {closed.Rps:F0} req/s ({closed.Requests} requests, {closed.Errors} errors, p50 {closed.Latency.P50:F2} ms, p99 {closed.Latency.P99:F2} ms)"));

if (Wrk.Find() is { } wrk)
{
    var wrkRps = await Wrk.MeasureAsync(wrk, server.Address, connections, seconds);
    Console.WriteLine(wrkRps is { } value
        ? string.Create(inv, $"wrk -t2 -c{connections}: {value:F0} req/s; engine/wrk = {closed.Rps / value:F2}")
        : "wrk ran but printed no Requests/sec line");
}
else
{
    Console.WriteLine("wrk not on PATH: no reference measurement");
}

return 0;

// One long run at 1,000 req/s, the features on in every other window (AlternatingWindows), after a warm-up with them on.
async Task<int> AlternateAsync(string featureList)
{
    var features = featureList.Split(',');
    if (features.Length == 0 || features.Any(f => f is not ("otlp" or "dashboard")))
    {
        Console.Error.WriteLine($"--features: '{featureList}' is not a comma-separated list of otlp, dashboard");
        return 2;
    }

    var length = Option("--seconds", 150);
    var window = Option("--window", 5);
    var profile = Profile(server.Address, length, 1000);
    var observation = new ObservationSwitch(metricsSink, features.Contains("otlp"), features.Contains("dashboard"), profile);
    var warmUp = observation.SwitchOn();
    await new LoadRunner { Sample = observation.Sample }.RunAsync(Profile(server.Address, 8, 1000), new RunOptions());
    warmUp.Dispose();
    await new LoadRunner().RunAsync(Profile(server.Address, 3, 1000), new RunOptions());

    var windows = new AlternatingWindows(observation.SwitchOn, window, TimeSpan.FromSeconds(3));
    Console.WriteLine($"one run of {length} s at 1000/s against {server.Address}; '{featureList}' on in every other {window}-s window (off, on, on, off, ...); " +
        "CPU of this process per window in % of a core per 1,000 req/s, switching between windows");
    var report = await new LoadRunner { Sample = observation.Sample }.RunAsync(profile, new RunOptions { Progress = windows.Observe, ProgressInterval = TimeSpan.FromSeconds(1) });
    windows.Stop();
    Console.WriteLine($"pair  off    on     on - off   without the JIT thread ({AlternatingWindows.JitThread}): off    on     on - off");
    var pairs = windows.Pairs();
    var withoutJit = windows.Pairs(withoutJit: true);
    foreach (var (pair, index) in pairs.Select((p, i) => (p, i)))
    {
        var steady = withoutJit[index];
        Console.WriteLine(string.Create(inv, $"{index + 1,4}  {pair.Off,5:F2}  {pair.On,5:F2}  {pair.On - pair.Off,+7:+0.00;-0.00}   {"",40}{steady.Off,5:F2}  {steady.On,5:F2}  {steady.On - steady.Off,+7:+0.00;-0.00}"));
    }

    Console.WriteLine($"whole process: {AlternatingWindows.Summary(pairs)}");
    Console.WriteLine($"without the JIT thread: {AlternatingWindows.Summary(withoutJit)}");
    Console.WriteLine($"by thread name, median on - off: {string.Join(", ", windows.ThreadDeltas())}");
    Console.WriteLine(string.Create(inv, $"achieved {report.Phases.Single().AchievedRate:F1}/s, {report.Totals.ErrorCount} errors, load average {File.ReadAllText("/proc/loadavg").Trim()}"));
    return 0;
}

LoadProfile Profile(Uri target, double seconds, double rate) => ProfileBuilder.Create("benchmark")
    .WithTarget(target)
    .WithLoad(Load.ConstantRate(rate, TimeSpan.FromSeconds(seconds), string.Create(CultureInfo.InvariantCulture, $"{rate}/s")))
    .WithScenario("trivial", flow => _ = ledgerMode is null
        ? flow.Get("/")
        : flow.Post("/jobs", new { n = 1 }, request => request.Capture("$.id", "jobId").Expect(202)))
    .Build();

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
