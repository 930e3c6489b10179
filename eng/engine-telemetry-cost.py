#!/usr/bin/env python3
"""Generator CPU with the engine's instruments observed and not: paired `perf run`s, alternating off/on.

A benchmark, not a test: it prints what it measured (docs/observability.md quotes it). Each run is the built CLI
(`perf run`, Release) on a constant-rate profile against the engine benchmarks' trivial endpoint (a separate
process, GET / answers "ok"); its user+sys CPU comes from `/usr/bin/time -v`. "On" sets OTEL_EXPORTER_OTLP_ENDPOINT
to a local sink that accepts every OTLP/HTTP post (OTEL_METRIC_EXPORT_INTERVAL=1000, the cadence of a live view), so
the instruments are listened to, aggregated and exported; "off" leaves the variable unset, so nothing listens. With
--dashboard the "on" runs also serve the live web dashboard (`perf run --dashboard`, a free port, nobody watching)
and write its offline export at the end, so "on" is every observation feature together.
Run it under the machine's heavy-work lock, after building src/Perf.Cli and src/Perf.Engine.Benchmarks in Release:

    flock /work/heavy.lock python3 eng/engine-telemetry-cost.py --pairs 5 --rate 1000 --seconds 20
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


def cpu_of(stderr):
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", stderr).group(1))
    return user + system


def run(cli, profile, target, environment, extra=()):
    result = subprocess.run(["/usr/bin/time", "-v", "dotnet", cli, "run", profile, "--target", target, *extra],
                            capture_output=True, text=True, env=environment, check=False)
    if "User time" not in result.stderr:
        sys.exit(f"[engine-telemetry-cost] perf run failed:\n{result.stdout}\n{result.stderr}")
    return cpu_of(result.stderr), result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--cli", default=CLI, help="the perf.dll to run (default: the Release build of src/Perf.Cli)")
    parser.add_argument("--export-interval-ms", type=int, default=1000, help="OTEL_METRIC_EXPORT_INTERVAL of the 'on' runs")
    parser.add_argument("--dashboard", action="store_true", help="the 'on' runs also serve the live dashboard and write its export")
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
    observed = dict(base, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{sink.server_address[1]}",
                    OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf", OTEL_METRIC_EXPORT_INTERVAL=str(args.export_interval_ms))
    export = os.path.join(tempfile.gettempdir(), f"engine-telemetry-cost-{os.getpid()}.html")
    on_extra = ("--dashboard", "--dashboard-port", "0", "--dashboard-export", export) if args.dashboard else ()
    try:
        run(args.cli, profile.name, target, base)  # warm-up (disk cache, tiered JIT of the server), not reported
        print(f"target {target}, {args.rate}/s for {args.seconds} s, {args.pairs} pairs, alternating order; "
              f"'on' exports every {args.export_interval_ms} ms{' and serves the dashboard' if args.dashboard else ''}; CPU = user+sys of the whole perf process (start-up included)")
        print("pair  order    off cpu-s  on cpu-s  on-off cpu-s  off %core/1k  on %core/1k  delta %core/1k")
        deltas = []
        offs, ons = [], []
        for pair in range(args.pairs):
            order = ("off", "on") if pair % 2 == 0 else ("on", "off")
            cpu = {}
            for arm in order:
                cpu[arm], _ = run(args.cli, profile.name, target, *((observed, on_extra) if arm == "on" else (base, ())))
            per_1k = {arm: cpu[arm] / args.seconds / (args.rate / 1000) * 100 for arm in cpu}
            deltas.append(per_1k["on"] - per_1k["off"])
            offs.append(per_1k["off"])
            ons.append(per_1k["on"])
            print(f"{pair + 1:>4}  {'/'.join(order):<7}  {cpu['off']:>9.2f}  {cpu['on']:>8.2f}  {cpu['on'] - cpu['off']:>12.2f}"
                  f"  {per_1k['off']:>12.2f}  {per_1k['on']:>11.2f}  {deltas[-1]:>14.2f}")
        print(f"median: off {statistics.median(offs):.2f} %core/1k, on {statistics.median(ons):.2f} %core/1k, "
              f"paired delta {statistics.median(deltas):.2f} points of a core per 1,000 req/s "
              f"(min {min(deltas):.2f}, max {max(deltas):.2f}); the sink accepted {Sink.posts} OTLP posts, {Sink.received} bytes")
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        sink.shutdown()
        os.unlink(profile.name)
        if os.path.exists(export):
            os.unlink(export)


if __name__ == "__main__":
    main()
