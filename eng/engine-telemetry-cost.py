#!/usr/bin/env python3
"""Generator CPU with the engine's instruments observed and not: paired `perf run`s, alternating off/on.

A benchmark, not a test: it prints what it measured (docs/observability.md quotes it). Each run is the built CLI
(`perf run`, Release) on a constant-rate profile against the engine benchmarks' trivial endpoint (a separate
process, GET / answers "ok"). Three CPU figures per run: "whole", the perf process's user+sys CPU from start to exit
(start-up, JIT, final export included) over the load's seconds; "steady", its CPU between two progress lines well
inside the load (read per thread from /proc/PID/task/TID/stat), which leaves start-up and exit out; and "no-JIT", the
steady figure without the runtime's tier-up compiler thread, whose work is once per method and process (a short run
still pays it inside the window, a long one does not). "On" sets OTEL_EXPORTER_OTLP_ENDPOINT to a local sink that
accepts every OTLP/HTTP post (OTEL_METRIC_EXPORT_INTERVAL=1000, the cadence of a live view), so the instruments are
listened to, aggregated and exported; "off" leaves the variable unset, so nothing listens. With --dashboard the "on"
runs also serve the live web dashboard (`perf run --dashboard`, a free port, nobody watching) and write its offline
export at the end, so "on" is every observation feature together. --threads prints the steady CPU by thread name.
Separate processes scatter by a few points per pair on a shared machine; `Perf.Engine.Benchmarks alternate` measures
the steady cost inside one process, which separates far smaller effects.
--startup measures the other part, the once-per-process cost: `perf run`s of 2 s at 10 req/s (almost no load), the
four arms off, OTLP, dashboard and both in rotating order, each process's whole CPU in ms; a feature's start-up cost is
its paired difference to "off" (building the meter provider or the web server, the JIT of the code they run, the
last export, the dashboard's file).
Run it under the machine's heavy-work lock, after building src/Perf.Cli and src/Perf.Engine.Benchmarks in Release:

    flock /work/heavy.lock python3 eng/engine-telemetry-cost.py --pairs 6 --rate 1000 --seconds 20 --steady-from 5 [--dashboard] [--threads]
    flock /work/heavy.lock python3 eng/engine-telemetry-cost.py --startup --pairs 8
"""

import argparse
import http.server
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "src/Perf.Cli/bin/Release/net10.0/perf.dll")
SERVER = os.path.join(ROOT, "src/Perf.Engine.Benchmarks/bin/Release/net10.0/Perf.Engine.Benchmarks.dll")


class Sink(http.server.BaseHTTPRequestHandler):
    posts = 0
    received = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Sink.posts += 1
        Sink.received += len(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


PROGRESS = re.compile(r"^\[\s*([\d.]+)s/")


JIT_THREAD = ".NET Tiered Com"  # the runtime's background tier-up compiler (thread names are cut to 15 characters)


def thread_cpu(pid):
    """User+system CPU so far of every thread of a running process, by (name, tid), in seconds, from
    /proc/PID/task/TID/stat (fields 14 and 15, in clock ticks)."""
    ticks = os.sysconf("SC_CLK_TCK")
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                text = stat.read()
        except OSError:
            continue  # the thread ended between the listing and the read
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        threads[(name, tid)] = (int(fields[11]) + int(fields[12])) / ticks
    return threads


def children_cpu():
    """User+system CPU in seconds of this script's finished child processes so far."""
    times = os.times()
    return times.children_user + times.children_system


def run(cli, profile, target, environment, steady_from, steady_to, extra=()):
    """Whole-process CPU (start-up, JIT, the run, the exports) and steady CPU per second of load by thread name:
    between the progress lines at steady_from and steady_to seconds, so start-up and the end are left out."""
    before = children_cpu()
    process = subprocess.Popen(["dotnet", cli, "run", profile, "--target", target, "--progress-interval", "1", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    marks = {}
    output = []
    for line in process.stdout:
        output.append(line)
        match = PROGRESS.match(line)
        if match:
            elapsed = float(match.group(1))
            for name, at in (("from", steady_from), ("to", steady_to)):
                if name not in marks and elapsed >= at:
                    marks[name] = (elapsed, thread_cpu(process.pid))
    error = process.stderr.read()
    process.wait()
    whole = children_cpu() - before
    if process.returncode not in (0, 1) or len(marks) < 2:
        sys.exit(f"[engine-telemetry-cost] perf run failed (exit {process.returncode}):\n{''.join(output)}\n{error}")
    span = marks["to"][0] - marks["from"][0]
    first = marks["from"][1]
    by_name = {}
    for (name, tid), cpu in marks["to"][1].items():
        by_name[name] = by_name.get(name, 0) + (cpu - first.get((name, tid), 0)) / span
    return whole, by_name

def whole_cpu(cli, profile, target, environment, extra=()):
    """User+system CPU in seconds of one `perf run` process from start to exit."""
    before = children_cpu()
    finished = subprocess.run(["dotnet", cli, "run", profile, "--target", target, *extra], capture_output=True, text=True, env=environment)
    if finished.returncode not in (0, 1) or "http_reqs" not in finished.stdout:
        sys.exit(f"[engine-telemetry-cost] perf run failed (exit {finished.returncode}):\n{finished.stdout}\n{finished.stderr}")
    return children_cpu() - before


def startup(cli, profile, target, arms, repetitions):
    """Each arm's whole-process CPU, `repetitions` times in rotating order (forward, then backward), and its paired
    difference to the first arm ("off")."""
    whole_cpu(cli, profile, target, arms["off"][0])  # warm-up (disk cache), not reported
    cpu = {name: [] for name in arms}
    for repetition in range(repetitions):
        order = list(arms) if repetition % 2 == 0 else list(reversed(arms))
        for name in order:
            environment, extra = arms[name]
            cpu[name].append(whole_cpu(cli, profile, target, environment, extra))
    print(f"whole-process CPU of a 2-s `perf run` at 10 req/s, {repetitions} runs per arm in rotating order, ms:")
    print("arm                median  paired delta to off (interquartile)   runs")
    for name, values in cpu.items():
        deltas = [(on - off) * 1000 for on, off in zip(values, cpu["off"])]
        spread = "" if name == "off" else f"{statistics.median(deltas):>+6.0f} ({quartiles(deltas, 0)})"
        print(f"{name:<18} {statistics.median(values) * 1000:>6.0f}  {spread:<36}  {' '.join(f'{v * 1000:.0f}' for v in values)}")


class Row:
    """One pair: the whole-process figures and the steady CPU by thread name of each arm."""

    def __init__(self, whole_off, whole_on, threads_off, threads_on):
        self.whole_off, self.whole_on = whole_off, whole_on
        self.threads = {"off": threads_off, "on": threads_on}

    def whole(self, arm):
        return self.whole_off if arm == "off" else self.whole_on

    def steady(self, arm):
        return sum(self.threads[arm].values())

    def jit(self, arm):
        return self.threads[arm].get(JIT_THREAD, 0)

    def no_jit(self, arm):
        return self.steady(arm) - self.jit(arm)


def quartiles(values, digits=2):
    if len(values) < 4:
        return "n/a under 4 pairs"
    q1, _, q3 = statistics.quantiles(values, n=4)
    return f"{q1:+.{digits}f} … {q3:+.{digits}f}"


def load_average():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--cli", default=CLI, help="the perf.dll to run (default: the Release build of src/Perf.Cli)")
    parser.add_argument("--export-interval-ms", type=int, default=1000, help="OTEL_METRIC_EXPORT_INTERVAL of the 'on' runs")
    parser.add_argument("--dashboard", action="store_true", help="the 'on' runs also serve the live dashboard and write its export")
    parser.add_argument("--no-otlp", action="store_true", help="the 'on' runs export nothing over OTLP (with --dashboard: the dashboard's cost alone)")
    parser.add_argument("--steady-from", type=int, default=3, help="the steady window opens at this second of load (it closes 2 s before the end)")
    parser.add_argument("--threads", action="store_true", help="also print the steady CPU by thread name")
    parser.add_argument("--shape-1k", action="store_true",
                        help="the main job's profile shape instead of a constant rate (30 s at 10/s, 60 s ramp to 100/s, 120 s at 1,000/s, "
                             "30 s at 50/s); the steady window is the 1,000/s phase from --steady-from s into it; whole is per mean rate")
    parser.add_argument("--startup", action="store_true", help="measure the once-per-process cost instead (--pairs runs per arm)")
    args = parser.parse_args()
    for path in (args.cli, SERVER):
        if not os.path.exists(path):
            sys.exit(f"[engine-telemetry-cost] {path} is missing: build it with dotnet build -c Release")

    sink = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    server = subprocess.Popen(["dotnet", SERVER, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    target = server.stdout.readline().strip().removeprefix("listening ")
    # (duration s, rate at its start, rate at its end) of each phase
    if args.startup:
        phases = [(2, 10, 10)]
    elif args.shape_1k:
        phases = [(30, 10, 10), (60, 10, 100), (120, 1000, 1000), (30, 50, 50)]
    else:
        phases = [(args.seconds, args.rate, args.rate)]
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as profile:
        profile.write(f"config:\n  target: \"{target}\"\n  phases:\n"
                      + "".join(f"    - duration: {d}\n      arrivalRate: {a}\n" + (f"      rampTo: {b}\n" if b != a else "") for d, a, b in phases)
                      + "scenarios:\n  - flow:\n      - get:\n          url: \"/\"\n")
    seconds = sum(d for d, _, _ in phases)
    mean_rate = sum(d * (a + b) / 2 for d, a, b in phases) / seconds
    # The steady window lies in the phase with the highest rate: from --steady-from s into it to 2 s before its end.
    peak = max(range(len(phases)), key=lambda i: phases[i][1])
    peak_start = sum(d for d, _, _ in phases[:peak])
    peak_seconds, peak_rate, _ = phases[peak]
    base = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    observed = base if args.no_otlp else dict(base, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{sink.server_address[1]}",
                    OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf", OTEL_METRIC_EXPORT_INTERVAL=str(args.export_interval_ms))
    export = os.path.join(tempfile.gettempdir(), f"engine-telemetry-cost-{os.getpid()}.html")
    dashboard = ("--dashboard", "--dashboard-port", "0", "--dashboard-export", export)
    on_extra = dashboard if args.dashboard else ()
    try:
        if args.startup:
            startup(args.cli, profile.name, target, {"off": (base, ()), "OTLP": (observed, ()), "dashboard": (base, dashboard),
                                                     "OTLP + dashboard": (observed, dashboard)}, args.pairs)
            print(f"the sink accepted {Sink.posts} OTLP posts; load average at the end {load_average()}")
            return
        steady_from, steady_to = peak_start + args.steady_from, peak_start + peak_seconds - 2
        if steady_to - steady_from < 3:
            sys.exit(f"[engine-telemetry-cost] --seconds {args.seconds} leaves no steady window after --steady-from {steady_from}: "
                     f"it needs at least {steady_from + 5}")
        run(args.cli, profile.name, target, base, steady_from, steady_to)  # warm-up (disk cache, tiered JIT of the server), not reported
        print(f"target {target}, {f'the 1k shape ({seconds} s, {peak_rate}/s from {peak_start} s to {peak_start + peak_seconds} s)' if args.shape_1k else f'{args.rate}/s for {args.seconds} s'}, {args.pairs} pairs, alternating order; "
              f"'on' {'exports nothing over OTLP' if args.no_otlp else f'exports every {args.export_interval_ms} ms'}{' and serves the dashboard' if args.dashboard else ''}; "
              f"load average at start {load_average()}")
        print(f"whole = user+sys CPU of the perf process (start-up, JIT, final export included) over the load's seconds (per its mean rate, {mean_rate:.0f}/s); "
              f"steady = its CPU between the progress lines at {steady_from} s and {steady_to} s; "
              f"no-JIT = steady without the runtime's tier-up compiler thread ({JIT_THREAD!r}), which compiles each hot method "
              f"once per process and then idles; all in % of a core per 1,000 req/s")
        print("pair  order    steady off  on     delta   no-JIT off  on     delta   JIT off  on     whole off  on     delta")
        per_1k = 100 / (peak_rate / 1000)
        whole_per_1k = 100 / (mean_rate / 1000)
        rows = []
        for pair in range(args.pairs):
            order = ("off", "on") if pair % 2 == 0 else ("on", "off")
            whole, threads = {}, {}
            for arm in order:
                cpu, by_name = run(args.cli, profile.name, target, *((observed, steady_from, steady_to, on_extra) if arm == "on" else (base, steady_from, steady_to)))
                whole[arm] = cpu / seconds * whole_per_1k
                threads[arm] = {name: value * per_1k for name, value in by_name.items()}
            row = Row(whole["off"], whole["on"], threads["off"], threads["on"])
            rows.append(row)
            print(f"{pair + 1:>4}  {'/'.join(order):<7}  {row.steady('off'):>10.2f}  {row.steady('on'):>5.2f}  {row.steady('on') - row.steady('off'):>+6.2f}"
                  f"  {row.no_jit('off'):>10.2f}  {row.no_jit('on'):>5.2f}  {row.no_jit('on') - row.no_jit('off'):>+6.2f}"
                  f"  {row.jit('off'):>7.2f}  {row.jit('on'):>5.2f}  {row.whole_off:>9.2f}  {row.whole_on:>5.2f}  {row.whole_on - row.whole_off:>+6.2f}", flush=True)
        for label, figure in (("steady", Row.steady), ("steady no-JIT", Row.no_jit), ("whole", Row.whole)):
            offs, ons = [figure(r, "off") for r in rows], [figure(r, "on") for r in rows]
            deltas = [on - off for off, on in zip(offs, ons)]
            if label == "whole":
                print(f"median whole-process CPU, on - off: {statistics.median(deltas) * seconds / whole_per_1k:+.2f} s over the {seconds}-s run")
            print(f"median {label}: off {statistics.median(offs):.2f}, on {statistics.median(ons):.2f}, paired delta {statistics.median(deltas):+.2f} "
                  f"(min {min(deltas):+.2f}, max {max(deltas):+.2f}, interquartile {quartiles(deltas)}) points of a core per 1,000 req/s")
        if args.threads:
            names = sorted({name for r in rows for arm in ("off", "on") for name in r.threads[arm]})
            print("steady CPU by thread name, median over the pairs (off, on, paired delta):")
            for name in names:
                offs, ons = [r.threads["off"].get(name, 0) for r in rows], [r.threads["on"].get(name, 0) for r in rows]
                deltas = [on - off for off, on in zip(offs, ons)]
                print(f"  {name:<16} {statistics.median(offs):>6.2f}  {statistics.median(ons):>6.2f}  {statistics.median(deltas):>+6.2f}")
        print(f"the sink accepted {Sink.posts} OTLP posts, {Sink.received} bytes; load average at the end {load_average()}")
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        sink.shutdown()
        os.unlink(profile.name)
        if os.path.exists(export):
            os.unlink(export)


if __name__ == "__main__":
    main()
