#!/usr/bin/env python3
"""Worker CPU per job: runs the SUT's worker container against its own Redis, enqueues jobs at a fixed rate
the way POST /payments and POST /notifications do, and reads the worker's CPU time from /proc.

A benchmark, not a test: it prints what it measured and exits 0 unless the environment is broken. Run it under
the machine's heavy-work lock, after `eng/container-ready.sh` (it reads the images and DOCKER_HOST from the
environment that `eng/.perf-env` sets):

    flock /tmp/perftests-heavy.lock python3 eng/worker-cpu-benchmark.py --runs 5

Each run starts a fresh Redis and one worker, warms the worker up (unmeasured), lets background JIT settle,
measures its CPU while idle, then measures its CPU from the first enqueued job until the last one is processed.
CPU per job is that CPU time over the jobs; "% of a core per 1,000 jobs/s" is the same number times 100.
"""

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
OWNER_LABEL = "perftests.owner=worker-cpu-benchmark"


def fail(message):
    print(f"[worker-cpu-benchmark] ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def say(message):
    print(f"[worker-cpu-benchmark] {message}", flush=True)


def docker(*args, check=True):
    result = subprocess.run(["docker", *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        fail(f"docker {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def encode(*parts):
    out = [f"*{len(parts)}\r\n".encode()]
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


class Resp:
    """A minimal RESP2 client: enough for PING, HGET, CLIENT LIST and XINFO."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""

    def _line(self):
        while b"\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("Redis closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _exact(self, length):
        while len(self.buffer) < length + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("Redis closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:length], self.buffer[length + 2:]
        return data

    def read(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            return None if int(rest) < 0 else self._exact(int(rest)).decode()
        if kind == b"*":
            return None if int(rest) < 0 else [self.read() for _ in range(int(rest))]
        raise RuntimeError(f"unexpected reply {line!r}")

    def call(self, *parts):
        self.sock.sendall(encode(*parts))
        return self.read()

    def close(self):
        self.sock.close()


def enqueue_commands(index, now_ms):
    """The API's enqueue: job hash, XADD and the accepted counter in one MULTI/EXEC."""
    job_id = uuid.uuid4().hex
    if index % 2 == 0:
        stream, job_type = "jobs:payments", "payment"
        payload = json.dumps({"amount": 12.5, "currency": "EUR", "customerId": f"c-{index % 100}"}, separators=(",", ":"))
        state = ["amount", "12.5", "currency", "EUR", "customerId", f"c-{index % 100}", "description", ""]
    else:
        stream, job_type = "jobs:notifications", "notification"
        payload = json.dumps({"userId": f"u-{index % 100}", "channel": "email", "message": "hello"}, separators=(",", ":"))
        state = ["userId", f"u-{index % 100}", "channel", "email", "message", "hello"]
    return b"".join([
        encode("MULTI"),
        encode("HSET", f"job:{job_id}", "type", job_type, "status", "queued", "enqueuedAt", now_ms, *state),
        encode("XADD", stream, "*", "id", job_id, "type", job_type, "payload", payload, "enqueuedAt", now_ms),
        encode("HINCRBY", "perf:counters", "accepted", 1),
        encode("EXEC"),
    ])


def produce(port, jobs, rate):
    """Sends `jobs` enqueues at `rate` per second (10 ms ticks); a second thread drains the replies."""
    sock = socket.create_connection(("127.0.0.1", port))
    stop = threading.Event()

    def drain():
        sock.settimeout(0.5)
        while not stop.is_set():
            try:
                if not sock.recv(1 << 20):
                    return
            except socket.timeout:
                continue

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.perf_counter()
    sent = 0
    while sent < jobs:
        due = min(jobs, int((time.perf_counter() - start) * rate) + 1)
        if due > sent:
            now_ms = int(time.time() * 1000)
            sock.sendall(b"".join(enqueue_commands(i, now_ms) for i in range(sent, due)))
            sent = due
        time.sleep(0.01)
    stop.set()
    reader.join()
    sock.close()
    return time.perf_counter() - start


def counter(client, name):
    value = client.call("HGET", "perf:counters", name)
    return int(value) if value else 0


def wait_for(what, condition, timeout_s):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            fail(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.05)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # Fields 14 and 15 of proc(5) (utime, stime): 12 and 13 after the command name is cut off.
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def one_run(args, run):
    tag = secrets.token_hex(4)
    port = free_port()
    redis_name, worker_name = f"perftests-workerbench-{tag}-redis", f"perftests-workerbench-{tag}-worker"
    consumer = f"bench-{tag}"
    try:
        docker("run", "-d", "--network", "host", "--label", OWNER_LABEL, "--name", redis_name, args.redis_image,
               "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no")
        client = None
        def redis_up():
            nonlocal client
            try:
                client = client or Resp(port)
                return client.call("PING") == "PONG"
            except OSError:
                client = None
                return False
        wait_for(f"Redis on 127.0.0.1:{port} to answer PING", redis_up, 20)

        env = {
            "Redis__ConnectionString": f"127.0.0.1:{port},name={consumer}",
            "Store__Kind": "redis",
            "Worker__Concurrency": str(args.concurrency),
            "Worker__SimulatedDownstreamMs": str(args.downstream_ms),
            "Worker__ConsumerName": consumer,
            "Logging__LogLevel__Default": "Warning",
        }
        env_args = [item for key, value in env.items() for item in ("-e", f"{key}={value}")]
        docker("run", "-d", "--network", "host", "--label", OWNER_LABEL, "--name", worker_name, *env_args,
               args.image, "--role", "worker")
        wait_for(f"the worker to connect as '{consumer}' and create the consumer groups",
                 lambda: f"name={consumer}" in client.call("CLIENT", "LIST")
                 and client.call("EXISTS", "jobs:payments", "jobs:notifications") == 2, 30)
        pid = int(docker("inspect", "-f", "{{.State.Pid}}", worker_name))

        produce(port, args.warmup_jobs, args.rate)
        wait_for("the warm-up jobs to be processed", lambda: counter(client, "processed") >= args.warmup_jobs, 120)
        # Tiered compilation keeps recompiling hot methods for some seconds after the warm-up: not per-job cost.
        time.sleep(args.settle_seconds)

        idle_start_cpu, idle_start = cpu_seconds(pid), time.perf_counter()
        time.sleep(args.idle_seconds)
        idle_share = (cpu_seconds(pid) - idle_start_cpu) / (time.perf_counter() - idle_start)

        target = args.warmup_jobs + args.jobs
        start_cpu, start = cpu_seconds(pid), time.perf_counter()
        produce(port, args.jobs, args.rate)
        wait_for(f"{args.jobs} measured jobs to be processed", lambda: counter(client, "processed") >= target, 300)
        wall = time.perf_counter() - start
        cpu = cpu_seconds(pid) - start_cpu
        duplicates, dead = counter(client, "duplicates"), counter(client, "deadLettered")
        client.close()
        result = {
            "run": run,
            "jobs": args.jobs,
            "wallSeconds": round(wall, 2),
            "workerCpuSeconds": round(cpu, 3),
            "cpuMsPerJob": round(cpu * 1000 / args.jobs, 4),
            "coreShareAtRate": round(cpu / wall, 4),
            "idleCoreShare": round(idle_share, 4),
            "duplicates": duplicates,
            "deadLettered": dead,
        }
        say(f"run {run}: {args.jobs} jobs in {wall:.2f} s, worker CPU {cpu:.3f} s = {result['cpuMsPerJob']:.3f} ms/job, "
            f"{100 * cpu / wall:.1f} % of a core at {args.rate}/s; idle {100 * idle_share:.2f} % of a core")
        return result
    finally:
        docker("rm", "-f", worker_name, redis_name, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image", default=os.environ.get("PERF_SUT_IMAGE"), help="SUT image (PERF_SUT_IMAGE)")
    parser.add_argument("--redis-image", default=os.environ.get("PERF_REDIS_IMAGE"), help="Redis image (PERF_REDIS_IMAGE)")
    parser.add_argument("--jobs", type=int, default=6_000, help="measured jobs per run")
    parser.add_argument("--warmup-jobs", type=int, default=2_000, help="unmeasured jobs before the idle and load windows")
    parser.add_argument("--rate", type=int, default=300, help="enqueued jobs per second (one worker at the suite's defaults handles about 400/s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--idle-seconds", type=float, default=5)
    parser.add_argument("--settle-seconds", type=float, default=10, help="pause after the warm-up (background JIT)")
    parser.add_argument("--concurrency", type=int, default=8, help="Worker__Concurrency (the suite's default)")
    parser.add_argument("--downstream-ms", type=int, default=20, help="Worker__SimulatedDownstreamMs (the suite's default)")
    parser.add_argument("--json", help="also write the runs and medians to this file")
    args = parser.parse_args()
    if not args.image or not args.redis_image:
        fail("no image: run eng/container-ready.sh and source eng/.perf-env, or pass --image and --redis-image")
    for name, value in (("--jobs", args.jobs), ("--rate", args.rate), ("--runs", args.runs)):
        if value < 1:
            fail(f"{name} must be at least 1, got {value}")

    say(f"image {args.image}, {args.runs} run(s) of {args.jobs} jobs at {args.rate}/s, concurrency {args.concurrency}, "
        f"downstream {args.downstream_ms} ms, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    runs = [one_run(args, run) for run in range(1, args.runs + 1)]
    medians = {key: statistics.median(r[key] for r in runs)
               for key in ("cpuMsPerJob", "coreShareAtRate", "idleCoreShare", "wallSeconds")}
    say(f"median of {len(runs)}: {medians['cpuMsPerJob']:.3f} ms CPU per job "
        f"(min {min(r['cpuMsPerJob'] for r in runs):.3f}, max {max(r['cpuMsPerJob'] for r in runs):.3f}), "
        f"{100 * medians['cpuMsPerJob']:.1f} % of a core per 1,000 jobs/s, idle {100 * medians['idleCoreShare']:.2f} % of a core")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"image": args.image, "rate": args.rate, "runs": runs, "medians": medians}, out, indent=2)


if __name__ == "__main__":
    main()
