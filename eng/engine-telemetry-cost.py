#!/usr/bin/env python3
"""Generator CPU with the engine's instruments observed and not: paired `perf run`s, alternating off/on.

A benchmark, not a test: it prints what it measured (docs/observability.md quotes it). Each run is the built CLI
(`perf run`, Release) on a constant-rate profile against the engine benchmarks' trivial endpoint (a separate
process, GET / answers "ok"). Two CPU figures per run: "whole", the perf process's user+sys CPU from start to exit
(start-up, JIT, final export included) over the load's seconds, and "steady", its CPU between two progress lines well
inside the load (read from /proc/PID/stat), which leaves start-up and exit out. "On" sets OTEL_EXPORTER_OTLP_ENDPOINT
to a local sink that accepts every OTLP/HTTP post (OTEL_METRIC_EXPORT_INTERVAL=1000, the cadence of a live view), so
the instruments are listened to, aggregated and exported; "off" leaves the variable unset, so nothing listens. With
--dashboard the "on" runs also serve the live web dashboard (`perf run --dashboard`, a free port, nobody watching)
and write its offline export at the end, so "on" is every observation feature together.
Run it under the machine's heavy-work lock, after building src/Perf.Cli and src/Perf.Engine.Benchmarks in Release:

    flock /work/heavy.lock python3 eng/engine-telemetry-cost.py --pairs 5 --rate 1000 --seconds 20 [--dashboard]
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


def cpu_seconds(pid):
    """User+system CPU of a running process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(cli, profile, target, environment, steady_from, steady_to, extra=()):
    """Whole-process CPU (start-up, JIT, the run, the exports) and steady CPU: between the progress lines at
    steady_from and steady_to seconds of load, so start-up and the end are left out."""
    before = os.times()
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
                    marks[name] = (elapsed, cpu_seconds(process.pid))
    error = process.stderr.read()
    process.wait()
    after = os.times()
    if process.returncode not in (0, 1) or len(marks) < 2:
        sys.exit(f"[engine-telemetry-cost] perf run failed (exit {process.returncode}):\n{''.join(output)}\n{error}")
    whole = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    steady = (marks["to"][1] - marks["from"][1]) / (marks["to"][0] - marks["from"][0])
    return whole, steady


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--cli", default=CLI, help="the perf.dll to run (default: the Release build of src/Perf.Cli)")
    parser.add_argument("--export-interval-ms", type=int, default=1000, help="OTEL_METRIC_EXPORT_INTERVAL of the 'on' runs")
    parser.add_argument("--dashboard", action="store_true", help="the 'on' runs also serve the live dashboard and write its export")
    parser.add_argument("--no-otlp", action="store_true", help="the 'on' runs export nothing over OTLP (with --dashboard: the dashboard's cost alone)")
    args = parser.parse_args()
    for path in (args.cli, SERVER):
        if not os.path.exists(path):
            sys.exit(f"[engine-telemetry-cost] {path} is missing: build it with dotnet build -c Release")

    sink = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    server = subprocess.Popen(["dotnet", SERVER, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    target = server.stdout.readline().strip().removeprefix("listening ")
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as profile:
        profile.write(f"config:\n  target: \"{target}\"\n  phases:\n    - duration: {args.seconds}\n      arrivalRate: {args.rate}\n"
                      "scenarios:\n  - flow:\n      - get:\n          url: \"/\"\n")
    base = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    observed = base if args.no_otlp else dict(base, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{sink.server_address[1]}",
                    OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf", OTEL_METRIC_EXPORT_INTERVAL=str(args.export_interval_ms))
    export = os.path.join(tempfile.gettempdir(), f"engine-telemetry-cost-{os.getpid()}.html")
    on_extra = ("--dashboard", "--dashboard-port", "0", "--dashboard-export", export) if args.dashboard else ()
    try:
        steady_from, steady_to = 3, args.seconds - 2
        run(args.cli, profile.name, target, base, steady_from, steady_to)  # warm-up (disk cache, tiered JIT of the server), not reported
        print(f"target {target}, {args.rate}/s for {args.seconds} s, {args.pairs} pairs, alternating order; "
              f"'on' {'exports nothing over OTLP' if args.no_otlp else f'exports every {args.export_interval_ms} ms'}{' and serves the dashboard' if args.dashboard else ''}; "
              f"whole = user+sys CPU of the perf process (start-up included) over the load's seconds; "
              f"steady = its CPU between the progress lines at {steady_from} s and {steady_to} s")
        print("pair  order    whole off  whole on  whole delta  steady off  steady on  steady delta   (% of a core per 1,000 req/s)")
        per_1k = 100 / (args.rate / 1000)
        rows = []
        for pair in range(args.pairs):
            order = ("off", "on") if pair % 2 == 0 else ("on", "off")
            whole, steady = {}, {}
            for arm in order:
                cpu, rate = run(args.cli, profile.name, target, *((observed, steady_from, steady_to, on_extra) if arm == "on" else (base, steady_from, steady_to)))
                whole[arm], steady[arm] = cpu / args.seconds * per_1k, rate * per_1k
            rows.append((whole["off"], whole["on"], steady["off"], steady["on"]))
            print(f"{pair + 1:>4}  {'/'.join(order):<7}  {whole['off']:>9.2f}  {whole['on']:>8.2f}  {whole['on'] - whole['off']:>11.2f}"
                  f"  {steady['off']:>10.2f}  {steady['on']:>9.2f}  {steady['on'] - steady['off']:>12.2f}")
        med = lambda values: statistics.median(values)
        whole_deltas = [on - off for off, on, _, _ in rows]
        steady_deltas = [on - off for _, _, off, on in rows]
        print(f"median whole: off {med([r[0] for r in rows]):.2f}, on {med([r[1] for r in rows]):.2f}, paired delta {med(whole_deltas):.2f} "
              f"(min {min(whole_deltas):.2f}, max {max(whole_deltas):.2f}) points of a core per 1,000 req/s")
        print(f"median steady: off {med([r[2] for r in rows]):.2f}, on {med([r[3] for r in rows]):.2f}, paired delta {med(steady_deltas):.2f} "
              f"(min {min(steady_deltas):.2f}, max {max(steady_deltas):.2f}); the sink accepted {Sink.posts} OTLP posts, {Sink.received} bytes")
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        sink.shutdown()
        os.unlink(profile.name)
        if os.path.exists(export):
            os.unlink(export)


if __name__ == "__main__":
    main()
